import json,collections
d=json.load(open('pairs.json',encoding='utf-8'))
P=d['pairs']; assert len(P)==80, len(P)
assert len({p['id'] for p in P})==80
R={"fine","time_limit","threshold","ratio","entitlement","frequency","ban","detention","advance","qualification","effective","floor","limit","other"}
D={"tightened","loosened","added","dropped","changed"}
rc=collections.Counter(); dc=collections.Counter(); nochg=0; err=[]
for p in P:
    assert p['old']!=p['new'], p['id']
    if not p['changes']: nochg+=1
    for c in p['changes']:
        if c['role'] not in R or c['direction'] not in D: err.append((p['id'],'enum'))
        if c['direction']=='added' and c['old']!='': err.append((p['id'],'added-old'))
        if c['direction']=='dropped' and c['new']!='': err.append((p['id'],'dropped-new'))
        if c['direction'] not in ('added','dropped') and (not c['old'] or not c['new']): err.append((p['id'],'empty'))
        if c['old'] and c['old'] not in p['old']: err.append((p['id'],'old-sub',c['old']))
        if c['new'] and c['new'] not in p['new']: err.append((p['id'],'new-sub',c['new']))
        if c['old'] and c['new'] and c['old']==c['new']: err.append((p['id'],'same'))
        rc[c['role']]+=1; dc[c['direction']]+=1
    for k in ('old','new'):
        if p[k].startswith('第') and '条' in p[k][:6]: err.append((p['id'],'article-number'))
print('errors',err); print('no-change',nochg,'with-change',80-nochg,'total changes',sum(rc.values()))
print(dict(rc)); print(dict(dc))
print('multi-change pairs',sum(1 for p in P if len(p['changes'])>=2),'items pairs',sum(1 for p in P if '\n（一）' in p['old'] or '\n（一）' in p['new']))
