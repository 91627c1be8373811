"""Embedded mode in a real browser (Debian's headless Chromium, driven by Playwright), as a
storefront that frames the payment page meets it (protocol.md section 13, threats.md T11, T30).

Starts the gateway binary on a fresh SQLite database, lets the sandbox merchant's pages be framed
by one loopback origin (http://localhost:PORT, another origin than the gateway's 127.0.0.1) and
serves two parent pages: that allowed one and a refused one on 127.0.0.1. Then: pay an embedded
session in the allowed parent's frame, which tells the parent the outcome with one postMessage
from the gateway's origin and whose way back takes the whole window; the refused parent's frame
is blocked and hears nothing; a hosted session is not framable at all; the embedded page has no
axe-core violation; a decline and the 3-D Secure challenge stay in the frame; the frame pays
without JavaScript too; and a cancel in the frame takes the whole window to the cancel URL.

    python3 tests/browser/embed.py target/debug/offsite-gateway [screenshot-dir]
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import sync_playwright

from journey import (CHROMIUM_ARGS, axe_check, axe_path, check, free_port, gateway_env, results,
                     start_gateway)

# Records every message the window gets, before the frame can send one.
LISTENER = ('<script>window.__messages = [];'
            'window.addEventListener("message", function (e) {'
            ' window.__messages.push({origin: e.origin, data: e.data}); });</script>')


def parent_server(host, name):
    """A storefront page on http://host:PORT: `/frame?src=URL` frames URL, `/return` and
    `/cancel` are where the way back lands."""
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            query = urllib.parse.parse_qs(url.query)
            if url.path == '/frame':
                src = html.escape(query['src'][0])
                body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                        f'<title>{name} parent</title>{LISTENER}</head><body>'
                        f'<h1>{name} parent</h1>'
                        f'<iframe id="pay" title="Payment" src="{src}" '
                        'style="width: 100%; height: 900px; border: 2px solid #888"></iframe>'
                        '</body></html>')
            elif url.path == '/return':
                body = '<!doctype html><title>returned</title><p id="result">returned</p>'
            elif url.path == '/cancel':
                body = '<!doctype html><title>cancelled</title><p id="result">cancelled</p>'
            else:
                self.send_response(404)
                self.end_headers()
                return
            data = body.encode()
            self.send_response(200)
            self.send_header('content-type', 'text/html; charset=utf-8')
            self.end_headers()
            self.wfile.write(data)

    port = free_port()
    server = ThreadingHTTPServer(('127.0.0.1', port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f'http://{host}:{port}', server


def api(gateway, key, method, path, body=None):
    """A sessions-API call: (status, JSON body)."""
    req = urllib.request.Request(gateway + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={'authorization': 'Bearer ' + key, 'content-type': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b'null')


def fill_card(frame, number):
    frame.fill('#cardholder_name', 'Ada Lovelace')
    frame.fill('#card_number', number)
    frame.fill('#card_expiry', '12/30')
    frame.fill('#card_cvc', '123')
    frame.click('#pay-button')


def messages_after(page, wait_ms=700):
    """The parent's messages once one came (or the timeout passed) and a second would have too."""
    try:
        page.wait_for_function('window.__messages.length > 0')
    except Exception:
        pass
    page.wait_for_timeout(wait_ms)
    return page.evaluate('window.__messages')


def frame_blocked(page, frame, console, docs, pay_url, seconds=20):
    """Whether the frame never shows the payment page: no frame of the page has our document or
    its form (Chromium leaves an error page, chrome-error://chromewebdata/) and the browser
    reported the refusal. Waits for our answer and the refusal; returns (blocked, detail)."""
    deadline = time.time() + seconds
    said = []
    while time.time() < deadline:
        said = [m for m in console if 'frame-ancestors' in m or 'X-Frame-Options' in m]
        if said and pay_url in docs:
            break
        page.wait_for_timeout(100)  # (Playwright's events arrive only while it is called)
    page.wait_for_timeout(500)
    try:
        form = frame.query_selector('#payment-form') if frame else None
    except Exception:  # an error document may refuse the query: not ours either
        form = None
    url = frame.url if frame else None
    ours = [f.url for f in page.frames if f.url.startswith(pay_url) and f != page.main_frame]
    shown = form is not None or bool(ours) or (url or '').startswith(pay_url)
    return (not shown and bool(said)), {'form': shown, 'frame_url': url, 'console': said, 'frames': ours}


def main():
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    axe_js = axe_path()
    workdir = tempfile.mkdtemp()
    port = free_port()
    proc, gateway, account, _ = start_gateway(binary, workdir, port, GATEWAY_MERCHANT_CACHE_TTL='0')
    check('the gateway printed its sandbox merchant', account)
    allowed, allowed_server = parent_server('localhost', 'Allowed')
    refused, refused_server = parent_server('127.0.0.1', 'Refused')
    try:
        cli = lambda *args: subprocess.run([os.path.abspath(binary), *args], cwd=workdir, env=gateway_env(port),
                                           capture_output=True, text=True)
        set_origins = cli('merchant', 'settings', account, '--frame-origins', allowed, '--json')
        check('the CLI sets the merchant\'s frame origins', set_origins.returncode == 0
              and json.loads(set_origins.stdout or '{}').get('frame_origins') == [allowed],
              (set_origins.returncode, set_origins.stdout, set_origins.stderr))
        made = cli('api-key', 'create', account, '--json')
        key = json.loads(made.stdout)['key'] if made.returncode == 0 else ''
        check('the CLI makes a test API key', key.startswith('sk_test_'), (made.stdout, made.stderr))

        def session(ref, ui_mode='embedded'):
            status, s = api(gateway, key, 'POST', '/v1/sessions', {
                'amount': 1999, 'currency': 'EUR', 'reference': ref,
                'return_url': allowed + '/return', 'cancel_url': allowed + '/cancel', 'ui_mode': ui_mode})
            check(f'POST /v1/sessions ({ref}, {ui_mode}) answers 201 with a /pay/ url',
                  status == 201 and s.get('url', '').startswith(gateway + '/pay/')
                  and s.get('ui_mode', ui_mode) == ui_mode, (status, s))
            return s

        def frame_url(parent, url):
            return parent + '/frame?' + urllib.parse.urlencode({'src': url})

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={'width': 900, 'height': 1100})
            context.set_default_timeout(20000)  # a loaded CI machine is slow

            def new_page():
                """A tab that records console messages and the headers of our documents."""
                page = context.new_page()
                console, docs = [], {}
                page.on('console', lambda m: console.append(m.text))
                page.on('response', lambda r: r.request.resource_type == 'document'
                        and docs.setdefault(r.url.split('?')[0], r.headers))
                return page, console, docs

            # 1. The allowed parent: pay in the frame, hear the outcome, go back in the whole window.
            s1 = session('embed-1')
            payment_id = (s1.get('payment') or {}).get('id')
            page, console, docs = new_page()
            page.goto(frame_url(allowed, s1['url']))
            frame = page.wait_for_selector('#pay').content_frame()
            frame.wait_for_selector('#payment-form')
            headers = docs.get(s1['url'], {})
            csp = headers.get('content-security-policy', '')
            ancestors = re.search(r'frame-ancestors ([^;]*)', csp)
            check('the embedded page names exactly the allowed origin in frame-ancestors',
                  ancestors and ancestors[1].strip() == allowed, csp)
            check('the embedded page sends no X-Frame-Options', 'x-frame-options' not in headers, headers)
            check('the allowed parent shows the payment form in the frame',
                  '19.99' in frame.inner_text('#amount'), frame.inner_text('main'))
            page.screenshot(path=os.path.join(shots, 'embed-form.png'), full_page=True)
            fill_card(frame, '4242 4242 4242 4242')
            frame.wait_for_selector('#outcome')
            check('the outcome is shown in the frame, the parent stays',
                  page.url.startswith(allowed + '/frame') and frame.url.startswith(s1['url']),
                  (page.url, frame.url))
            messages = messages_after(page)
            check('the parent got exactly one message, the result, from the gateway\'s origin',
                  messages == [{'origin': gateway, 'data': {'type': 'offsite-gateway.result',
                                                            'payment_id': payment_id, 'status': 'captured'}}],
                  messages)
            page.screenshot(path=os.path.join(shots, 'embed-paid.png'), full_page=True)
            check('the frame\'s return link targets the whole window',
                  frame.get_attribute('#return-link', 'target') == '_top')
            frame.click('#return-link')
            page.wait_for_url(re.compile(re.escape(allowed) + r'/return\?.*'))
            back = urllib.parse.urlparse(page.url)
            check('the way back takes the whole window to return_url?session_id=cs_…',
                  back.path == '/return' and urllib.parse.parse_qs(back.query).get('session_id') == [s1['id']]
                  and page.inner_text('#result') == 'returned', page.url)
            status, got = api(gateway, key, 'GET', f"/v1/sessions/{s1['id']}")
            check('the session is complete', status == 200 and got.get('status') == 'complete'
                  and (got.get('payment') or {}).get('status') == 'captured', (status, got))
            page.close()

            # 2. A refused parent: the frame is blocked by frame-ancestors, and hears nothing.
            s2 = session('embed-2')
            page, console, docs = new_page()
            page.goto(frame_url(refused, s2['url']))
            frame = page.wait_for_selector('#pay').content_frame()
            blocked, detail = frame_blocked(page, frame, console, docs, s2['url'])
            check('a parent on a refused origin gets a blocked frame (frame-ancestors)',
                  blocked and any('frame-ancestors' in m for m in detail['console']), detail)
            page.screenshot(path=os.path.join(shots, 'embed-refused.png'), full_page=True)
            messages = page.evaluate('window.__messages')
            check('the refused parent received no message', messages == [], messages)
            page.close()

            # 3. A hosted session is not framable, not even by the allowed origin.
            s3 = session('embed-3', 'hosted')
            page, console, docs = new_page()
            page.goto(frame_url(allowed, s3['url']))
            frame = page.wait_for_selector('#pay').content_frame()
            blocked, detail = frame_blocked(page, frame, console, docs, s3['url'])
            headers = docs.get(s3['url'], {})
            check('a hosted session framed by the allowed origin is blocked',
                  blocked and any("frame-ancestors 'none'" in m for m in detail['console']), detail)
            check("the hosted page sends frame-ancestors 'none' and X-Frame-Options: DENY",
                  "frame-ancestors 'none'" in headers.get('content-security-policy', '')
                  and headers.get('x-frame-options') == 'DENY', headers)
            page.screenshot(path=os.path.join(shots, 'embed-hosted-refused.png'), full_page=True)
            page.close()

            # 4. axe-core on the embedded payment page in a tab of its own (bypass_csp only so
            # that axe-core can be injected).
            s4 = session('embed-4')
            axe_context = browser.new_context(viewport={'width': 900, 'height': 1000}, bypass_csp=True)
            page = axe_context.new_page()
            page.goto(s4['url'])
            page.wait_for_selector('#payment-form')
            axe_check(page, axe_js, 'the embedded payment page')
            axe_context.close()

            # 5. The same session in the allowed parent's frame: a decline and the 3-D Secure
            # challenge stay in the frame, and the approved challenge tells the parent.
            page, console, docs = new_page()
            page.goto(frame_url(allowed, s4['url']))
            frame = page.wait_for_selector('#pay').content_frame()
            frame.wait_for_selector('#payment-form')
            fill_card(frame, '4000 0000 0000 0002')
            frame.wait_for_selector('#notice')
            check('a decline is shown in the frame, the parent stays',
                  'declined' in frame.inner_text('#notice') and page.url.startswith(allowed + '/frame'),
                  (frame.inner_text('main'), page.url))
            fill_card(frame, '4000 0000 0000 3220')
            frame.wait_for_selector('#challenge-form')
            check('the challenge is shown in the frame, its cancel link targets the whole window',
                  frame.get_attribute('#cancel-link', 'target') == '_top')
            frame.click('#approve-button')
            frame.wait_for_selector('#outcome')
            messages = messages_after(page)
            check('after the approved challenge the parent got one message, captured',
                  messages == [{'origin': gateway, 'data': {'type': 'offsite-gateway.result',
                                                            'payment_id': s4['payment']['id'],
                                                            'status': 'captured'}}], messages)
            page.close()

            # 6. Without JavaScript the frame's forms still pay (only the message needs a script).
            s6 = session('embed-6')
            nojs = browser.new_context(viewport={'width': 900, 'height': 1100}, java_script_enabled=False)
            nojs.set_default_timeout(20000)
            page = nojs.new_page()
            page.goto(frame_url(allowed, s6['url']))
            frame = page.wait_for_selector('#pay').content_frame()
            frame.wait_for_selector('#payment-form')
            fill_card(frame, '4242 4242 4242 4242')
            frame.wait_for_selector('#outcome')
            check('without JavaScript the frame pays and shows the outcome',
                  frame.get_attribute('#return-link', 'target') == '_top'
                  and page.url.startswith(allowed + '/frame'), (frame.inner_text('main'), page.url))
            frame.click('#return-link')
            page.wait_for_url(re.compile(re.escape(allowed) + r'/return\?session_id=' + re.escape(s6['id'])))
            check('without JavaScript the way back takes the whole window too', page.inner_text('#result') == 'returned')
            nojs.close()

            # 7. A cancel in the frame takes the whole window to the cancel URL.
            s7 = session('embed-7')
            page, console, docs = new_page()
            page.goto(frame_url(allowed, s7['url']))
            frame = page.wait_for_selector('#pay').content_frame()
            frame.wait_for_selector('#cancel-link')
            check('the cancel link in the frame targets the whole window',
                  frame.get_attribute('#cancel-link', 'target') == '_top')
            frame.click('#cancel-link')
            try:
                page.wait_for_url(allowed + '/cancel')
            except Exception:
                pass
            check('the cancel takes the whole window to cancel_url',
                  page.url == allowed + '/cancel' and page.inner_text('#result') == 'cancelled', page.url)
            pid = (s7.get('payment') or {}).get('id')
            status, got = api(gateway, key, 'GET', f'/v1/payments/{pid}')
            check('the cancelled payment is cancelled', status == 200 and got.get('status') == 'cancelled',
                  (status, got))
            page.close()
            browser.close()
    finally:
        allowed_server.shutdown()
        refused_server.shutdown()
        proc.terminate()
        proc.wait(timeout=15)
    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    print(f'screenshots: {shots}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
