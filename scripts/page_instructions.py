"""Instructions a hosted-page view costs: the gateway binary under callgrind, one payment of
12,345.67 EUR (with `x_locale` when given), N GETs of its page with `Accept-Language`. Prints
the callgrind file, N, the run's total, the page's <html> tag and its amount. Per view: run it
for two N and divide the difference of a function's inclusive count (callgrind_annotate
--inclusive=yes) by the difference of N; one-time costs cancel out.

    python3 scripts/page_instructions.py target/release/offsite-gateway 100 en [x_locale]
"""
import hashlib, hmac, os, re, signal, subprocess, sys, tempfile, time, urllib.request, urllib.parse, socket, glob
binary, n, lang, locale = sys.argv[1], int(sys.argv[2]), sys.argv[3], (sys.argv[4] if len(sys.argv) > 4 else '')
d = tempfile.mkdtemp()
port = 18000 + os.getpid() % 1000
out = f'{d}/cg.out'
env = dict(os.environ, GATEWAY_LISTEN=f'127.0.0.1:{port}', RUST_LOG='warn', GATEWAY_ALLOW_PRIVATE_TARGETS='true',
           GATEWAY_CHECKOUT_RATE_LIMIT='1000000000', GATEWAY_PAY_RATE_LIMIT='1000000000')
env.pop('DATABASE_URL', None)
p = subprocess.Popen(['valgrind', '--tool=callgrind', f'--callgrind-out-file={out}', binary], cwd=d, env=env,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
acct = sec = None
for line in p.stdout:
    if 'account id:' in line: acct = line.split()[-1]
    if 'secret:' in line: sec = line.split()[-1]; break
for _ in range(600):
    try: socket.create_connection(('127.0.0.1', port), 0.2).close(); break
    except OSError: time.sleep(0.1)
f = {'x_account_id': acct, 'x_amount': '12345.67', 'x_currency': 'EUR', 'x_reference': 'bench-1', 'x_shop_country': 'DE',
     'x_shop_name': 'Bench Shop', 'x_test': 'true', 'x_url_callback': 'https://shop.example.com/cb',
     'x_url_cancel': 'https://shop.example.com/cart', 'x_url_complete': 'https://shop.example.com/done', 'x_description': 'Two widgets'}
if locale: f['x_locale'] = locale
f['x_signature'] = hmac.new(sec.encode(), ''.join(k + v for k, v in sorted(f.items())).encode(), hashlib.sha256).hexdigest()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
op = urllib.request.build_opener(NoRedirect)
try:
    op.open(urllib.request.Request(f'http://127.0.0.1:{port}/checkout', data=urllib.parse.urlencode(f).encode()))
except urllib.error.HTTPError as e:
    page = e.headers['location']
for i in range(n):
    r = urllib.request.urlopen(urllib.request.Request(f'http://127.0.0.1:{port}{page}', headers={'Accept-Language': lang}))
    body = r.read()
p.send_signal(signal.SIGTERM); p.wait()
total = 0
for fn in glob.glob(out + '*'):
    for line in open(fn):
        if line.startswith('summary:') or line.startswith('totals:'):
            total = max(total, int(line.split()[1]))
m = re.search(rb'<html[^>]*>', body)
print(out, n, total, m.group(0).decode() if m else '', re.search(rb'id="amount">([^<]*)<', body).group(1).decode())
