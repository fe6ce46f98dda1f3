#!/usr/bin/env python3
"""What each Vaadin UI keeps of its last answer (UIInternals.lastRequestResponse: Vaadin sends it again when a
browser repeats a request whose answer it lost), read from a heap dump (HPROF, `jcmd PID GC.heap_dump FILE`).
Used by scripts/bench-load.sh HEAPDUMP=1.   usage: scripts/hprof-ui-answers.py dump.hprof"""
import struct, sys, collections
f = open(sys.argv[1], 'rb'); data = f.read()
p = data.index(b'\0') + 1
idsize, = struct.unpack('>I', data[p:p+4]); p += 12
rid = (lambda o: struct.unpack('>I', data[o:o+4])[0]) if idsize == 4 else (lambda o: struct.unpack('>Q', data[o:o+8])[0])
strings = {}; classname = {}
classes = {}   # class id -> (super id, [(name id, type)])
inst = {}      # object id -> (class id, offset, length) only for wanted classes (filled in 2nd pass)
prim = {}      # array id -> (elem type, length)
sizes = {2: idsize, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
records = []
while p < len(data):
    tag = data[p]; length, = struct.unpack('>I', data[p+5:p+9]); body = p + 9
    if tag == 0x01:
        strings[rid(body)] = data[body+idsize:body+length].decode('utf-8', 'replace')
    elif tag == 0x02:
        classname[rid(body+4)] = rid(body+8+idsize)
    elif tag in (0x0C, 0x1C):
        records.append((body, body + length))
    p = body + length
wanted_names = {'com.vaadin.flow.component.internal.UIInternals', 'java.lang.String'}
wanted = {}
objs = collections.defaultdict(dict)
for start, end in records:
    q = start
    while q < end:
        t = data[q]; q += 1
        if t == 0xFF: q += idsize
        elif t in (0x01,): q += 2 * idsize
        elif t in (0x02, 0x03): q += idsize + 8
        elif t == 0x04: q += idsize + 4
        elif t in (0x05, 0x07): q += idsize
        elif t == 0x06: q += idsize + 4
        elif t == 0x08: q += idsize + 8
        elif t == 0x20:
            cid = rid(q); sup = rid(q + idsize + 4); q += idsize + 4 + 6 * idsize + 4
            n, = struct.unpack('>H', data[q:q+2]); q += 2
            for _ in range(n):
                ty = data[q + 2]; q += 3 + sizes[ty]
            n, = struct.unpack('>H', data[q:q+2]); q += 2
            for _ in range(n):
                ty = data[q + idsize]; q += idsize + 1 + sizes[ty]
            n, = struct.unpack('>H', data[q:q+2]); q += 2
            fields = []
            for _ in range(n):
                fields.append((rid(q), data[q + idsize])); q += idsize + 1
            classes[cid] = (sup, fields)
            name = strings.get(classname.get(cid), '').replace('/', '.')
            if name in wanted_names: wanted[cid] = name
        elif t == 0x21:
            oid = rid(q); cid = rid(q + idsize + 4); n, = struct.unpack('>I', data[q+2*idsize+4:q+2*idsize+8])
            if cid in wanted: objs[wanted[cid]][oid] = (cid, q + 2 * idsize + 8)
            q += 2 * idsize + 8 + n
        elif t == 0x22:
            n, = struct.unpack('>I', data[q+idsize+4:q+idsize+8]); q += 2 * idsize + 8 + n * idsize
        elif t == 0x23:
            oid = rid(q); n, = struct.unpack('>I', data[q+idsize+4:q+idsize+8]); ty = data[q + idsize + 8]
            prim[oid] = (ty, n); q += idsize + 9 + n * sizes[ty]
        else:
            raise SystemExit('unknown sub-record %x at %d' % (t, q))
def field(cid, off, wanted_field):
    while cid:
        sup, fields = classes[cid]
        for nid, ty in fields:
            if strings.get(nid) == wanted_field:
                return rid(off) if ty == 2 else data[off]
            off += sizes[ty]
        cid = sup
    raise KeyError(wanted_field)
lengths = []
for oid, (cid, off) in objs['com.vaadin.flow.component.internal.UIInternals'].items():
    s = field(cid, off, 'lastRequestResponse')
    if s and s in objs['java.lang.String']:
        scid, soff = objs['java.lang.String'][s]
        arr = field(scid, soff, 'value'); coder = field(scid, soff, 'coder')
        lengths.append((prim[arr][1], coder))
    else:
        lengths.append((0, 0))
total = sum(l for l, _ in lengths)
print('UIs %d; last answers kept: %d bytes in all, %.1f KB per UI; UTF-16 (non-Latin-1 text) in %d of them; largest %d KB'
      % (len(lengths), total, total / max(1, len(lengths)) / 1024, sum(1 for _, c in lengths if c == 1),
         max([l for l, _ in lengths] or [0]) // 1024))
