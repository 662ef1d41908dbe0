import json, random
exec(open('build_a.py').read()); exec(open('build_b.py').read())
drop={55,47,58,27,37}
A=[p for i,p in enumerate(A) if i not in drop]
items=[]
for t,o,n,chs in A:
    chs=[(r,a,b,d,nt) if not (r=="ratio" and a=="百分之三十，") else (r,"百分之三十","百分之三十五",d,nt) for r,a,b,d,nt in chs]
    items.append({"topic":t,"old":o,"new":n,"changes":[{"role":r,"old":a,"new":b,"direction":d,"note":nt} for r,a,b,d,nt in chs]})
for t,o,n in B:
    items.append({"topic":t,"old":o,"new":n,"changes":[]})
random.Random(20261206).shuffle(items)
pairs=[dict(id=i+1,**it) for i,it in enumerate(items)]
doc={"description":"Blind evaluation set: 90 invented (old, new) versions of a single article of a Chinese administrative regulation / local regulation, with every changed numeric provision and its direction from the duty-bearer/beneficiary perspective. ~60 pairs carry numeric changes; ~30 are figure-preserving rewrites (numeral format, renumbered cross-references, rewording, reordering, added sentences without figures). Written fresh; not copied from any real law.","pairs":pairs}
json.dump(doc,open('pairs.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
