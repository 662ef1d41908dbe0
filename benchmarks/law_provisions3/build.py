import json
exec(open('p1.py').read()); exec(open('p2.py').read()); exec(open('p3.py').read()); exec(open('p4.py').read())
allp=P1+P2+P3+P4
pairs=[{"id":i+1,"topic":t,"old":o,"new":n,"changes":c} for i,(t,o,n,c) in enumerate(allp)]
d={"description":"Blind evaluation set (round 3): 80 invented old/new versions of one article of a fictitious Chinese local regulation, emphasising longer multi-款 articles and enumerated items; each pair lists every changed numeric provision with the direction a lawyer would give (tightened/loosened/added/dropped/changed); changes is [] for pairs with no numeric change (equivalent rewrites, renumbered cross-references, reordered items, figure-free items, comparator synonyms).","pairs":pairs}
json.dump(d,open('pairs.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
