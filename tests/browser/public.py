"""The public page and the descriptor in a real browser (Debian's headless Chromium, driven by
Playwright), as a partner or a storefront developer meets them: the page at `/` renders under
its real CSP, at desktop and phone widths, with no axe-core violation; its worked example's
signature verifies with this script's own HMAC; and a page on another origin can read the
descriptor and the vectors with fetch (CORS).

    python3 tests/browser/public.py target/debug/offsite-gateway [screenshot-dir]
"""
import hashlib
import hmac
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import sync_playwright

from journey import CHROMIUM_ARGS, axe_check, axe_path, check, free_port, results, start_gateway


def other_origin():
    """A blank page on another loopback port, to fetch from."""
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header('content-type', 'text/html; charset=utf-8')
            self.end_headers()
            self.wfile.write(b'<!doctype html><title>partner</title>')

    port = free_port()
    server = ThreadingHTTPServer(('127.0.0.1', port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f'http://127.0.0.1:{port}', server


def main():
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    axe_js = axe_path()
    workdir = tempfile.mkdtemp()
    proc, gateway, account, _ = start_gateway(binary, workdir, free_port())
    partner, server = other_origin()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', headless=True, args=CHROMIUM_ARGS)
            # Under the real CSP first: nothing refused, the stylesheet applied.
            strict = browser.new_context(viewport={'width': 1024, 'height': 800})
            page = strict.new_page()
            errors = []
            page.on('console', lambda m: m.type == 'error' and errors.append(m.text))
            resp = page.goto(gateway + '/')
            check('/ answers 200 and is cacheable for five minutes',
                  resp.status == 200 and resp.headers.get('cache-control') == 'public, max-age=300',
                  (resp.status, resp.headers.get('cache-control')))
            styled = page.evaluate("getComputedStyle(document.querySelector('main')).borderTopStyle")
            check('the page is styled and the console is clean', styled == 'solid' and not errors, (styled, errors))
            page.screenshot(path=os.path.join(shots, 'public.png'), full_page=True)
            fields = page.eval_on_selector_all(
                '#example-fields tbody tr',
                "rows => rows.map(r => Array.from(r.querySelectorAll('code')).map(c => c.textContent))")
            shown = dict(fields).pop('x_signature', None)
            signed = {k: v for k, v in fields if k != 'x_signature'}
            secret = page.text_content('#example-secret')
            msg = ''.join(k + v for k, v in sorted(signed.items()))
            mine = hmac.new(secret.encode(), msg.encode(), hashlib.sha256).hexdigest()
            check('the worked example verifies with this script\'s own HMAC', shown == mine and len(signed) >= 9,
                  (shown, mine))
            check('the text signed is shown exactly', page.text_content('#example-message') == msg)
            check('the payment URL is this gateway\'s', page.text_content('#payment-url') == gateway + '/checkout')
            strict.close()

            context = browser.new_context(viewport={'width': 1024, 'height': 800}, bypass_csp=True)
            page = context.new_page()
            page.goto(gateway + '/')
            axe_check(page, axe_js, 'the public page')
            page.set_viewport_size({'width': 390, 'height': 844})
            page.screenshot(path=os.path.join(shots, 'public-390.png'), full_page=True)
            axe_check(page, axe_js, 'the public page at 390px')
            overflow = page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
            check('the public page does not scroll sideways at 390px', overflow <= 0, f'{overflow}px too wide')

            # The API reference, rendered from the OpenAPI document the API serves.
            page.set_viewport_size({'width': 1024, 'height': 800})
            resp = page.goto(gateway + '/docs/api')
            doc = page.evaluate("async (g) => (await fetch(g + '/v1/openapi.json')).json()", gateway)
            documented = sorted(op['operationId'] for ops in doc['paths'].values() for op in ops.values())
            shown = sorted(page.eval_on_selector_all('article.operation h3', 'hs => hs.map(h => h.id)'))
            check('/docs/api shows every operation of /v1/openapi.json',
                  resp.status == 200 and shown == documented and len(shown) >= 12, (shown, documented))
            check('/docs/api names the API server', page.text_content('#api-server') == gateway + '/v1')
            page.screenshot(path=os.path.join(shots, 'api-docs.png'))
            axe_check(page, axe_js, 'the API reference')
            page.set_viewport_size({'width': 390, 'height': 844})
            axe_check(page, axe_js, 'the API reference at 390px')
            overflow = page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
            check('the API reference does not scroll sideways at 390px', overflow <= 0, f'{overflow}px too wide')

            # A partner's page on another origin reads the descriptor and the vectors.
            page.goto(partner + '/')
            got = page.evaluate("""async (g) => {
                const d = await (await fetch(g + '/.well-known/offsite-gateway.json')).json();
                const v = await (await fetch(d.vectors.money)).json();
                return {payment_url: d.payment_url, currencies: d.currencies.length, money: v.vectors.length};
            }""", gateway)
            check('another origin can fetch the descriptor and the vectors (CORS)',
                  got['payment_url'] == gateway + '/checkout' and got['currencies'] > 150 and got['money'] > 20, got)
            browser.close()
    finally:
        server.shutdown()
        proc.terminate()
        proc.wait(timeout=15)
    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    print(f'screenshots: {shots}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
