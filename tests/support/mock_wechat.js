#!/usr/bin/env node
// Local mock of WeChat's code-upload server (https://servicewechat.com), for end-to-end tests of
// `mpcheck release` with the real miniprogram-ci client. Standard library only.
//
// It is an HTTP proxy bound to 127.0.0.1: the client is given `--proxy http://127.0.0.1:PORT` (or
// HTTPS_PROXY) plus NODE_EXTRA_CA_CERTS=ca.pem, opens `CONNECT servicewechat.com:443`, and the mock
// serves HTTPS itself inside that tunnel with a leaf cert signed by the test CA. Nothing leaves the
// machine: CONNECT to any other host and plain proxy requests get 403.
//
// Response shapes are inferred from what miniprogram-ci 2.1.42 reads (dist/utils/sign.js,
// dist/ci/projectattr.js, dist/utils/white_ext_list.js, dist/ci/upload.js, dist/ci/preview.js),
// not captured from WeChat. See tests/support/README.md.
//
// Usage:
//   node mock_wechat.js --cert server.pem --key server.key --pubkey pub.pem --log req.jsonl \
//        --port-file port --mode ok|invalid-ip|http500|randstr-error \
//        [--lifetime SECONDS (120)] [--max-requests N (100)] [--exit-on-stdin-close]
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const tls = require('tls');
const zlib = require('zlib');

const MODES = ['ok', 'invalid-ip', 'http500', 'randstr-error'];
const TUNNEL_HOST = 'servicewechat.com';

// Public observation (spec §6): after a key was edited, WeChat replied with this body. The mock uses
// it both for getattr and for the upload when the signature does not verify against --pubkey.
const BAD_SIGNATURE_REPLY = { errCode: -1, errMsg: 'get new ticket fail innerCode: -80011' };
// Public observation (spec §6) for an IP outside the upload whitelist.
const INVALID_IP_REPLY = {
  errCode: -10008,
  errMsg: 'invalid ip: 1.2.3.4, reference: https://developers.weixin.qq.com/miniprogram/dev/devtools/ci.html',
};
// Same values as miniprogram-ci's DefaultProjectAttr (dist/config/config.js).
const PROJECT_ATTR = {
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: {
    MaxCodeSize: 2,
    MaxSubpackageSubCodeSize: 2,
    MaxSubpackageFullCodeSize: 12,
    NavigateMiniprogramLimit: 10,
    MaxSubPackageLimit: 100,
    MinTabbarCount: 2,
    MaxTabbarCount: 5,
    MaxCustomTabbarCount: 10,
    MaxTabbarIconSize: 40,
  },
};
// The preview "QR code": a 99x99 JPEG of a QR code for the text 'mpcheck mock preview' (made once with
// miniprogram-ci's own qrcode-terminal encoder + jpeg-js, quality 50), so that all three --qrcode-format
// values work, including `terminal`, which decodes it with jimp + qrcode-reader.
const QRCODE_JPEG_B64 = [
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeX',
  'BkeFxlZ2MBERISGBUYLxoaL2NCOEJjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY//AABEIAGMAYwMB',
  'EQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCC',
  'NCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqi',
  'o6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQ',
  'oLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdI',
  'SUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+',
  'Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/APQKACgAoAKACgAoAKACgAoAKACgAoAKACgDB8TeI30GSzjjsWvHuiyqqvtORtwAMHOd1AGb',
  '/wAJhrH/AEKV9+b/APxugCOfxvqVtC01x4Yu4Yl+88jsqjtySlAG9Nr1tb6FFqM7RRPNbefHA8oUudobaCevUDp3oANL162vNDt9Tu2isknLKB',
  'LKMAhiMbjjP3c0ANTXftGtQWdlbfa7ORCXvYX3RxsATtOARngd/wCIUAF7rvlaja2ljbfb98vl3DQvn7LyBlwAcd+uPumgDN1Txfc2euXGmWmj',
  'S3rwBWJikOSCoOdoU4+9igCH/hMNY/6FK+/N/wD43QAQ+Nbz+0bO0vNAntPtUqxq0shXqQCQCgzjIoA7CgAoAKAOP8af8jD4Y/6+/wD2eOgDH8',
  'W+KdZ07xHd2lneeXBHs2r5SHGUUnkjPUmgCQ6pe6v8N9UuL+bzpVuFQNtC8bozjgD1NAE3iCbSYvCOjrqNtLNcPYYtXQ4Eb+WnJ+Yd9vY9KAOb',
  'u4dWXwbYzTXMTaW05EMIHzq+X5J2+zdz1oA6zxBqll4QsZNK0eKW2upgs6OMOgy2DncSeiEdKAMfTfEMQ1XTF0oSwXF5PGNTd1UidywyRknHJf',
  'oF6/kAb2m/8lQ1b/r0X+UVAHH/APCbeIv+gh/5Bj/+JoA6TXJ5Lm48FXEzbpZXR3bGMkmIk8UAd5QAUAFAHF+PJ47bWfDtxM22KK4Z3bGcANGS',
  'eKAM/Vj4L1fUpb641e7WWXG4RxsF4AHGYz6UAQ3994ds/B99pWk6hLO88iyASo2SdyZ52gdFoA3P7budLs/ClrAkTJfRxRyFwSQMRjjBH94+tA',
  'DdN/5Khq3/AF6L/KKgBtpeafoPg2+vPDs7XaRzg5uVP3yUUjGFPQigDFvL/WdR1nw3cataQQRPcI9u0R++CyEk/Mcfw+nWgDQOqWWkfEjVLi/m',
  '8mJrdUDbS3O2M44B9DQBl/2d4G/6DN9/3wf/AI3QBa1PUtLvNV8LWulXLTpZzpGSyMpA3RgZyBn7p6UAejUAFABQBzvi69Syjt5JNBXVkAdmZk',
  'yIAMZJO04z+H3aAOXbxJYJapdP4Ktlt3O1ZSqhGPPAPl4PQ/lQBradd6bqPh251S38LWkksMvlrbRxKzP93kEJ/tenagCGbxJcrHFJP4KlCWg3',
  'Rs6nEIGOQTH8uMD8qANLwxrX9tajJc/2B9k3xE/bcZ8zBA27toz+f8NAHFrPqWneEb3S7jRruOKaUSNcyIyqnKcEFf8AZ9e9AEmiWd5L5F7qN3',
  'PH9h2S2FtcZ/0rHOyLJ77VHyg/eHHSgDqNY1Ozt9Dg1rUPDcDXVxL5bwzoA643YJYpk8KO3egCxcjR7fxRaaL/AGDYt9oiMnneUg24DcbdvP3f',
  'XvQBY0i3s7jUbxH8OQWX2OUCGcwAebgnDKdox90HgnqKAOgoAKACgCrqls95pV5axlQ88DxqW6AlSBn86AOX0bwnfrbpp+uzW11pcQLRQRMwKy',
  'E5zkBT0Ld+9AFXTNd0+W3bRvCkM9heXDl43nAZAQAWJJLHlVI6f40AO0zUtUvNK8U2uq3KzvZwPGCqKoB2yA4wBn7o60AYdv4vk0/wrZ6fpryw',
  '3sMjGSQxoyFCWOBnPqvbtQBpeJbLxXFoVy+qanaT2Y2+ZHGoDH5hjHyDvjvQBasNLvT4a/tLVZYpzZ2Yn0wpkGDCbhkAAHonXd0/MAo+Ib641H',
  '4daZd3knmTyXZ3NtAzjzAOBx0AoA3laDxRavrOiI1vqlufIhnueNvQt8oLA/K7Dkd6AM2e88U6RrOk2+panBNFeXCoVijXpuUEH5Bj73agDvKA',
  'CgAoA4n4gNOmq+H2tEWS4WdjEjdGfdHgHkd/egDH8Y6RKulRa3qKNDqlzOI5oUYGNQFYDHU9EXuepoA3PGOrxLqsWiai6w6XcwCSaZFJkUhmIx',
  '1HVF7HqaAOVmkvvDNveRW8Mbafq6MsEsp3M8QBwwwRg7XB5H4UAXPCv/FS2yeHb393Z2iNcI8PEhbdjBJyMfvD29KANhPF+radrUFp4jtrSzgd',
  'C7tGrMwGDgjazfxDHSgDLu9C0/xBrKXGhTT3cUlwXv2JCeSHbOV3AZ/j9eg/EA0ItNh0DVJofC7SXurom2a3uiNqxHBLA4UZzs7nqePQAwfEXh',
  'cWfiG30rSRLO88HmASuuSctnngdFoA0tHvre/1GxsNfk+y3Wkyxw2aQqT5jggEOfmHVF6Y6n8AD0igAoAKAOV8W2lzca74dkgt5ZUhud0jIhYI',
  'N0fJI6dD+VAB4gtLnxLfSaI9vLZ29uVnW+KF0kO3G0Dgfxnufu/kAO8T6Pu1GPXvs/8AaH2WIR/2f5W7zskjOeem/P3T92gDgdRuL+LVYLnU7G',
  '5S1ScyQ2lwGCKgYExruGMYwOBjGOKAOi8EXkN/4zvbm3tI7OJ7Q7YI8bVwYxxgDrjPTvQBX0zR9Sa3bXtVt7vUJ7VzGun3UTM0ykAZBbJwC5P3',
  'T900AVbTVL/RJNTjXRrm2fViVt1AaMxH5sBBt+bG8dMdBQBqaNrOq6bboZvC15dXuCsl46MJJATkAnYScDA69hQBNB4wmv5lvrfwlJcyx/ItxG',
  'S7L7BhHx16e/vQBT8P+HbzVvENxq15FPp3lXa3KxSwn58uWKgnHTAGcd6APSKACgAoA5XxnqWqWd5pNrpVysD3kjRksisCcoBnIOPvHpQBD/Z3',
  'jn/oM2P/AHwP/jdAFPVj400jTZb641e0aKLG4RxqW5IHGYx60AO8UaXe674a0vUhLFm2s2nnL5BbKKxwAMfwn0oA5eyh1bQdJh8QWVzFEl0TAA',
  'Bufqc5BXHVKAPRILzUNB0G4vPEU63bxyA5tlH3DtUDGFHUmgDH8UXKXmq+EbqMMEnnEihuoBaIjP50AdJBDqy69cTTXMTaW0YEMIHzq/y8k7fZ',
  'u560AYPwx/5F64/6+2/9ASgCHU77xFpfiWwin1CJrK+vNscaIpIj3qMElQejDuaAO2oAKACgDj/Gn/Iw+GP+vv8A9njoA4/x3/yN99/2z/8ARa',
  '0AaGm/8kv1b/r7X+cVAFzXJ47a38FXEzbYokR3bGcACIk8UAbE/hfRfFEzayl3dstz0MZCr8vy8Blz/DQBj6n4z8SaRcLb39hYwysgcLgtxkjP',
  'Dn0NAGXoejL4q/tu8l8wXi/vYo4mCq0j7zg7s8ZA7/jQBa0LwFeT3jrrUEttbiMlXiljJL5GB37Z7UAUYPCV3ZzLPr8Mlppqf66aORGZc8LgDJ',
  '5YgdO9ADYNIl03xLpUoRvsVzeI1pIzAmSPepBIHI4K9QOtAHr1ABQAUAcf45ivP7R0S7s7Ge7+yytIyxIW6FCASAcZwaAKc+szXMzTXHgKSaVv',
  'vPJCWY9uSY6AKuqajf3mh3GmWnhC5sknKsTFE2AQwOdoQZ+7igCbxDZ3n9neFnTTJ7v7LEpmgERboI8qwwcZwRyPWgDe8Natc3U5s38PS6Vbxx',
  'l1JUqmcj5QNoHOSfwoA5XTNH1Jrdte1W3u9QntXMa6fdRMzTKQBkFsnALk/dP3TQA7QdK1X7ZqOqRxXmmpDILhbFY2UXABZhEOnpt6H73TtQB1',
  'k8N/4j0G3dJrnRLhpC7KN28Abl2n7p54NAHL6Tq2t2umy2ep+HtQ1USSbyblXbjAwuGU9CM/jQA66udS1nWdC/4p67sILK4X/lmxULuT/ZAAAW',
  'gD0SgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgAoAKACgD/AP/Z',
].join('');

function usage(msg) {
  if (msg) process.stderr.write(`mock_wechat: ${msg}\n`);
  process.stderr.write(
    'usage: node mock_wechat.js --cert server.pem --key server.key --pubkey pub.pem --log req.jsonl\n' +
      '         --port-file FILE --mode ok|invalid-ip|http500|randstr-error\n' +
      '         [--lifetime SECONDS (120)] [--max-requests N (100)] [--exit-on-stdin-close]\n',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { lifetime: 120, maxRequests: 100, exitOnStdinClose: false };
  const valued = {
    '--cert': 'cert',
    '--key': 'key',
    '--pubkey': 'pubkey',
    '--log': 'log',
    '--port-file': 'portFile',
    '--mode': 'mode',
    '--lifetime': 'lifetime',
    '--max-requests': 'maxRequests',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--exit-on-stdin-close') {
      opts.exitOnStdinClose = true;
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (valued[a]) {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      opts[valued[a]] = argv[++i];
    } else {
      usage(`unknown argument: ${a}`);
    }
  }
  for (const k of ['cert', 'key', 'pubkey', 'log', 'portFile', 'mode']) {
    if (typeof opts[k] !== 'string' || opts[k] === '') usage(`missing --${k === 'portFile' ? 'port-file' : k}`);
  }
  if (!MODES.includes(opts.mode)) usage(`unknown --mode ${opts.mode} (one of ${MODES.join(', ')})`);
  opts.lifetime = Number(opts.lifetime);
  opts.maxRequests = Number(opts.maxRequests);
  if (!(opts.lifetime > 0)) usage('--lifetime must be a positive number of seconds');
  if (!Number.isInteger(opts.maxRequests) || opts.maxRequests < 1) usage('--max-requests must be a positive integer');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
let secureContext, publicKey;
try {
  secureContext = tls.createSecureContext({ cert: fs.readFileSync(opts.cert), key: fs.readFileSync(opts.key) });
  publicKey = crypto.createPublicKey(fs.readFileSync(opts.pubkey));
} catch (e) {
  process.stderr.write(`mock_wechat: cannot load cert/key/pubkey: ${e.message}\n`);
  process.exit(2);
}
const logFd = fs.openSync(opts.log, 'a');

// rand_str values issued by getrandstr and not yet used by a verified signature (one use each,
// as the client fetches a fresh one for every signature).
const issued = new Map(); // rand_str -> appid it was issued for
let tunnelled = 0; // tunnelled HTTP requests seen (counts toward --max-requests)
let seq = 0; // every logged line
let stopping = false;
const sockets = new Set();

function logLine(obj) {
  const line = JSON.stringify(Object.assign({ seq: ++seq, time: new Date().toISOString() }, obj)) + '\n';
  try {
    fs.writeSync(logFd, line); // synchronous: each line is on disk when the reply goes out
  } catch (e) {
    process.stderr.write(`mock_wechat: log write failed: ${e.message}\n`);
  }
}

function track(sock) {
  sockets.add(sock);
  sock.on('close', () => sockets.delete(sock));
  sock.on('error', () => {}); // client resets are normal; never crash on them
}

function shutdown(reason) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`mock_wechat: stopping (${reason}) after ${tunnelled} tunnelled requests\n`);
  try {
    proxy.close();
  } catch (e) {}
  // Give a reply that is being written a moment, then cut everything and exit.
  setTimeout(() => {
    for (const s of sockets) s.destroy();
    try {
      fs.closeSync(logFd);
    } catch (e) {}
    process.exit(0);
  }, 100).unref();
  setTimeout(() => process.exit(0), 1000); // hard stop, whatever is still open
}

// ---- signatures -------------------------------------------------------------------------------

// Signature = base64(privateEncrypt(PKCS#1 v1.5 type 1, JSON {"appid","rand_str"})) (dist/utils/sign.js).
// Returns {verified, decoded?, reason?}. `decoded` is the signed JSON (appid + rand_str): no key material.
function verifySignature(b64, appid) {
  if (typeof b64 !== 'string' || b64 === '') return { verified: false, reason: 'no signature' };
  let plain;
  try {
    plain = crypto.publicDecrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(b64, 'base64'));
  } catch (e) {
    return { verified: false, reason: 'does not verify with --pubkey' };
  }
  let decoded;
  try {
    decoded = JSON.parse(plain.toString('utf8'));
  } catch (e) {
    return { verified: false, reason: 'signed data is not JSON' };
  }
  if (!decoded || typeof decoded.appid !== 'string' || typeof decoded.rand_str !== 'string') {
    return { verified: false, decoded, reason: 'signed JSON lacks appid/rand_str' };
  }
  if (decoded.appid !== appid) return { verified: false, decoded, reason: `signed appid ${decoded.appid} != request appid ${appid}` };
  if (!issued.has(decoded.rand_str)) return { verified: false, decoded, reason: 'rand_str not issued by this mock (or already used)' };
  if (issued.get(decoded.rand_str) !== appid) return { verified: false, decoded, reason: 'rand_str issued for another appid' };
  issued.delete(decoded.rand_str);
  return { verified: true, decoded };
}

// ---- the pack ---------------------------------------------------------------------------------

// dist/ci/utils/pack.js: 0xBE, int32 ver, int32 infoLen, int32 dataLen, 0xED, int32 count,
// [int32 nameLen, name, int32 offset, int32 size]*, data. Offsets are from the start of the buffer.
function unpack(buf) {
  if (buf.length < 18 || buf[0] !== 0xbe || buf[13] !== 0xed) throw new Error('not a pack (bad magic)');
  const infoLen = buf.readInt32BE(5);
  const dataLen = buf.readInt32BE(9);
  if (14 + infoLen + dataLen !== buf.length) throw new Error(`pack length mismatch: 14+${infoLen}+${dataLen} != ${buf.length}`);
  let p = 14;
  const count = buf.readInt32BE(p);
  p += 4;
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readInt32BE(p);
    p += 4;
    const name = buf.toString('utf8', p, p + nameLen);
    p += nameLen;
    const offset = buf.readInt32BE(p);
    const size = buf.readInt32BE(p + 4);
    p += 8;
    if (offset < 14 + infoLen || offset + size > buf.length) throw new Error(`pack entry ${name} out of range`);
    files.set(name, buf.subarray(offset, offset + size));
  }
  if (p !== 14 + infoLen) throw new Error('pack file-info length mismatch');
  return files;
}

// Per-package byte sums. Counted: every file in the pack except /ci.signature (the client adds it
// after compiling) and *.js.map (the client's own size count, pack.js validSize, skips them too).
// A file belongs to the first app.json subpackage root its path (without the leading '/') starts
// with, else to __APP__. Subpackage names are the roots without leading './' or '/' and trailing '/'.
function packageSizes(files) {
  let roots = [];
  const appJson = files.get('/app.json');
  if (appJson) {
    try {
      const app = JSON.parse(appJson.toString('utf8'));
      const subs = Array.isArray(app.subPackages) ? app.subPackages : Array.isArray(app.subpackages) ? app.subpackages : [];
      for (const s of subs) {
        if (!s || typeof s.root !== 'string') continue;
        const name = s.root.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
        if (name !== '') roots.push({ name, prefix: name + '/', size: 0 });
      }
    } catch (e) {
      roots = [];
    }
  }
  let app = 0;
  let full = 0;
  for (const [name, data] of files) {
    if (name === '/ci.signature' || /\.js\.map$/.test(name)) continue;
    const rel = name.replace(/^\/+/, '');
    full += data.length;
    const pkg = roots.find((r) => rel.startsWith(r.prefix));
    if (pkg) pkg.size += data.length;
    else app += data.length;
  }
  return [{ name: '__FULL__', size: full }, { name: '__APP__', size: app }].concat(
    roots.map((r) => ({ name: r.name, size: r.size })),
  );
}

// ---- HTTP inside the tunnel -------------------------------------------------------------------

function sendJson(res, status, obj) {
  const body = Buffer.from(JSON.stringify(obj));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

function parseJsonBody(body) {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    return null;
  }
}

// Returns [status, replyObject or {html}] and fills `entry` for the log.
function handle(req, url, body, entry) {
  const path = url.pathname;
  if (req.method === 'POST' && path === '/wxa/ci/getrandstr') {
    const j = parseJsonBody(body) || {};
    entry.appid = j.appid;
    if (opts.mode === 'randstr-error') return [200, { errCode: -1, errMsg: 'mock: getrandstr refused (--mode randstr-error)' }];
    if (typeof j.appid !== 'string' || j.appid === '') return [200, { errCode: -1, errMsg: 'mock: appid missing' }];
    const rand = crypto.randomBytes(16).toString('hex');
    issued.set(rand, j.appid);
    entry.rand_str = rand;
    return [200, { errCode: 0, errMsg: 'ok', data: { randomString: rand } }];
  }
  if (req.method === 'POST' && path === '/wxa/ci/getattr') {
    const j = parseJsonBody(body) || {};
    entry.appid = j.appid;
    const v = verifySignature(j.signature, j.appid);
    entry.signature = v;
    if (!v.verified) return [200, BAD_SIGNATURE_REPLY];
    return [200, { errCode: 0, errMsg: 'ok', data: PROJECT_ATTR }];
  }
  if (req.method === 'GET' && path === '/wxa/ci/getwhiteextlist') {
    // data without miniProgram/game lists: the client falls back to its built-in lists.
    return [200, { errCode: 0, errMsg: 'ok', data: {} }];
  }
  if (req.method === 'POST' && (path === '/wxa/ci/upload' || path === '/wxa/ci/testSourceURL')) {
    const preview = path === '/wxa/ci/testSourceURL';
    const q = Object.fromEntries(url.searchParams);
    delete q._r; // the client's cache buster
    entry.query = q;
    entry.gzip_bytes = body.length;
    let files = null;
    try {
      files = unpack(zlib.gunzipSync(body));
    } catch (e) {
      entry.pack_error = e.message;
    }
    let sig = { verified: false, reason: 'no /ci.signature in the pack' };
    if (files) {
      entry.files = Array.from(files.keys()).sort();
      const sigFile = files.get('/ci.signature');
      if (sigFile) {
        const s = parseJsonBody(sigFile) || {};
        entry.ci_version = s.version;
        sig = verifySignature(s.signature, q.appid);
      }
    }
    entry.signature = sig;
    if (opts.mode === 'http500') {
      return [500, { html: '<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n</body>\r\n</html>\r\n' }];
    }
    if (opts.mode === 'invalid-ip') return [200, INVALID_IP_REPLY];
    if (!files) return [200, { errCode: -1, errMsg: `mock: bad upload body: ${entry.pack_error}` }];
    if (!sig.verified) return [200, BAD_SIGNATURE_REPLY];
    const sizes = packageSizes(files);
    entry.packages = sizes;
    // The client reads the reply's `body` object: body.subpackage_info, body.ext_plugin_info,
    // body.dev_plugin_id, body.str_uint64version; preview also needs body.qrcode_img.
    const replyBody = { subpackage_info: sizes, str_uint64version: String(Date.now() * 1000 + (seq % 1000)) };
    if (preview) replyBody.qrcode_img = QRCODE_JPEG_B64;
    return [200, { errCode: 0, errMsg: 'ok', body: replyBody }];
  }
  if (req.method === 'POST' && path === '/wxa-dev-logic/clientreportv2') {
    const j = parseJsonBody(body);
    if (j && typeof j === 'object') entry.report_keys = Object.keys(j).sort();
    return [200, { errCode: 0 }];
  }
  return [404, { errCode: -1, errMsg: 'not found' }];
}

const inner = http.createServer((req, res) => {
  if (stopping) {
    req.socket.destroy();
    return;
  }
  tunnelled++;
  const last = tunnelled >= opts.maxRequests;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, `https://${TUNNEL_HOST}`);
    const entry = { kind: 'https', method: req.method, path: url.pathname };
    let status, reply;
    try {
      [status, reply] = handle(req, url, Buffer.concat(chunks), entry);
    } catch (e) {
      [status, reply] = [500, { errCode: -1, errMsg: `mock internal error: ${e.message}` }];
      entry.mock_error = String(e && e.stack);
    }
    entry.status = status;
    if (reply.html !== undefined) {
      entry.reply = 'html';
      logLine(entry);
      res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(reply.html) });
      res.end(reply.html);
    } else {
      entry.errCode = reply.errCode;
      if (reply.errCode !== 0 && reply.errMsg) entry.errMsg = reply.errMsg;
      logLine(entry);
      sendJson(res, status, reply);
    }
    if (last) res.on('finish', () => shutdown(`--max-requests ${opts.maxRequests}`));
  });
});
inner.keepAliveTimeout = 2000;

// ---- the proxy --------------------------------------------------------------------------------

const proxy = http.createServer((req, res) => {
  // Plain (non-CONNECT) proxy requests are refused: nothing is forwarded anywhere.
  logLine({ kind: 'proxy', method: req.method, url: req.url, status: 403 });
  res.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' });
  res.end('mock_wechat: only CONNECT servicewechat.com:443 is served\n');
});
proxy.on('connection', track);
proxy.on('connect', (req, socket, head) => {
  const target = String(req.url || '').toLowerCase();
  if (stopping || target !== `${TUNNEL_HOST}:443`) {
    logLine({ kind: 'connect', target: req.url, status: 403 });
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    return;
  }
  logLine({ kind: 'connect', target: req.url, status: 200 });
  socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
  if (head && head.length) socket.unshift(head);
  const tlsSocket = new tls.TLSSocket(socket, { isServer: true, secureContext });
  track(tlsSocket);
  inner.emit('connection', tlsSocket);
});
proxy.on('clientError', (err, socket) => socket.destroy());

proxy.listen(0, '127.0.0.1', () => {
  const port = proxy.address().port;
  const tmp = `${opts.portFile}.tmp.${process.pid}`;
  try {
    fs.writeFileSync(tmp, String(port)); // just the digits, no newline
    fs.renameSync(tmp, opts.portFile); // atomic: a reader never sees a partial file
  } catch (e) {
    process.stderr.write(`mock_wechat: cannot write --port-file: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`mock_wechat: listening on 127.0.0.1:${port} mode=${opts.mode}\n`);
});
proxy.on('error', (e) => {
  process.stderr.write(`mock_wechat: ${e.message}\n`);
  process.exit(1);
});

setTimeout(() => shutdown(`--lifetime ${opts.lifetime}s`), opts.lifetime * 1000).unref();
// unref'd: the listening server keeps the process alive; the timer alone must not.
if (opts.exitOnStdinClose) {
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => shutdown(sig));
