"""A shopper in a real browser (Debian's headless Chromium, driven by Playwright).

Starts the gateway binary on a fresh SQLite database and a small storefront on another loopback
origin that signs checkout forms and verifies the signed return on its own. Then, as a shopper:
pay with 4242 (checking keyboard order and inline errors first), pay after a decline through the
3-D Secure challenge, cancel, and pay with the pending card and come back after the settle.
This is the one test that shows a browser really follows our 303 to the storefront under our CSP.

    python3 tests/browser/shopper.py target/debug/offsite-gateway [screenshot-dir]
"""
import hashlib
import hmac
import html
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import sync_playwright

from journey import CHROMIUM_ARGS, RECEIVER_HOST, check, free_port, results, start_gateway


callbacks = []


def storefront(gateway, account, secret):
    port = free_port(RECEIVER_HOST)
    me = f'http://{RECEIVER_HOST}:{port}'

    def sign(fields):
        msg = ''.join(k + v for k, v in sorted(fields.items()) if k.startswith('x_') and k != 'x_signature')
        return hmac.new(secret.encode(), msg.encode(), hashlib.sha256).hexdigest()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get('content-length', 0))
            fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
            callbacks.append((fields, hmac.compare_digest(sign(fields), fields.get('x_signature', ''))))
            self.send_response(200)
            self.end_headers()

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            query = urllib.parse.parse_qs(url.query)
            if url.path == '/':
                ref = query['ref'][0]
                fields = {'x_account_id': account, 'x_amount': '1234.50', 'x_currency': 'EUR',
                          'x_reference': ref, 'x_shop_country': 'DE', 'x_shop_name': 'Café Müller & Söhne',
                          'x_test': 'true', 'x_description': '2 × espresso machine <Deluxe>',
                          'x_url_callback': me + '/notify', 'x_url_cancel': me + '/cart',
                          'x_url_complete': me + '/done?order=' + ref}
                fields['x_signature'] = sign(fields)
                inputs = ''.join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                                 for k, v in fields.items())
                body = (f'<html><body><form method="post" action="{gateway}/checkout">{inputs}'
                        '<button id="checkout">Pay</button></form></body></html>')
            elif url.path == '/done':
                pairs = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
                fields = dict(pairs)
                valid = hmac.compare_digest(sign(fields), fields.get('x_signature', ''))
                body = (f'<html><body><p id="result">{html.escape(fields.get("x_result", ""))}</p>'
                        f'<p id="signature">{"valid" if valid else "invalid"}</p>'
                        f'<p id="amount">{html.escape(fields.get("x_amount", ""))}</p></body></html>')
            elif url.path == '/cart':
                body = '<html><body><p id="result">cart</p></body></html>'
            else:
                self.send_response(404)
                self.end_headers()
                return
            data = body.encode()
            self.send_response(200)
            self.send_header('content-type', 'text/html; charset=utf-8')
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer((RECEIVER_HOST, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return me


def fill_card(page, number, expiry='12/30', cvc='123', name='Ada Lovelace'):
    page.fill('#cardholder_name', name)
    page.fill('#card_number', number)
    page.fill('#card_expiry', expiry)
    page.fill('#card_cvc', cvc)
    page.click('#pay-button')


def main():
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    workdir = tempfile.mkdtemp()
    gateway_proc, gateway, account, secret = start_gateway(binary, workdir, free_port(),
                                                           GATEWAY_PENDING_SETTLE_AFTER="2s")
    check('the gateway printed its sandbox merchant', account and secret)
    shop = storefront(gateway, account, secret)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={'width': 520, 'height': 1000})
            dialogs = []
            page.on('dialog', lambda d: (dialogs.append(d.message), d.dismiss()))
            done = re.compile(re.escape(shop) + r'/done\?.*')

            page.goto(f'{shop}/?ref=b-1')
            page.click('#checkout')
            page.wait_for_url(re.compile(re.escape(gateway) + r'/pay/[0-9a-f]{32}$'))
            page.screenshot(path=os.path.join(shots, 'pay.png'), full_page=True)
            check('the page shows the shop and the amount',
                  'Café Müller & Söhne' in page.inner_text('#shop-name')
                  and page.inner_text('#amount') == '€1,234.50', page.inner_text('main'))
            check('markup in the description is text', page.inner_text('#description') == '2 × espresso machine <Deluxe>')
            page.focus('#cardholder_name')
            order = []
            for _ in range(6):
                order.append(page.evaluate('document.activeElement.id'))
                page.keyboard.press('Tab')
            check('keyboard order', order == ['cardholder_name', 'card_number', 'card_expiry',
                                             'card_cvc', 'pay-button', 'cancel-link'], order)
            fill_card(page, '4242 4242 4242 4241', expiry='01/20', cvc='12', name='')
            page.wait_for_selector('#card_number-error')
            page.screenshot(path=os.path.join(shots, 'inline-errors.png'), full_page=True)
            check('inline errors next to each field', page.locator('.error').count() == 4)
            fill_card(page, '4242 4242 4242 4242')
            page.wait_for_url(done)
            check('4242 lands on the storefront, completed and validly signed',
                  page.inner_text('#result') == 'completed' and page.inner_text('#signature') == 'valid'
                  and page.inner_text('#amount') == '1234.50', page.content())

            page.goto(f'{shop}/?ref=b-2')
            page.click('#checkout')
            page.wait_for_selector('#payment-form')
            fill_card(page, '4000 0000 0000 0002')
            page.wait_for_selector('#notice')
            check('a decline is shown and the form stays', 'Your card was declined.' in page.inner_text('#notice'))
            fill_card(page, '4000 0000 0000 3220')
            page.wait_for_selector('#challenge-form')
            page.screenshot(path=os.path.join(shots, 'challenge.png'), full_page=True)
            page.click('button[value=approve]')
            page.wait_for_url(done)
            check('the approved challenge completes',
                  page.inner_text('#result') == 'completed' and page.inner_text('#signature') == 'valid')

            page.goto(f'{shop}/?ref=b-3')
            page.click('#checkout')
            page.wait_for_selector('#cancel-link')
            page.click('#cancel-link')
            page.wait_for_url(f'{shop}/cart')
            check('cancel ends at the cancel URL', page.inner_text('#result') == 'cart')

            page.goto(f'{shop}/?ref=b-4')
            page.click('#checkout')
            page.wait_for_selector('#payment-form')
            pay_url = page.url
            fill_card(page, '4000 0000 0000 0077')
            page.wait_for_url(done)
            check('the pending card returns pending', page.inner_text('#result') == 'pending')
            deadline = time.time() + 15
            while time.time() < deadline:
                page.goto(pay_url)
                if page.locator('#return-link').count() and 'x_result=completed' in (page.get_attribute('#return-link', 'href') or ''):
                    break
                time.sleep(0.5)
            page.screenshot(path=os.path.join(shots, 'outcome.png'), full_page=True)
            page.click('#return-link')
            page.wait_for_url(done)
            check('after the settle the page links back with completed',
                  page.inner_text('#result') == 'completed' and page.inner_text('#signature') == 'valid')
            check('no script ever ran a dialog', not dialogs, dialogs)
            deadline = time.time() + 5
            while time.time() < deadline and len(callbacks) < 5:
                time.sleep(0.1)
            seen = [(f.get('x_reference'), f.get('x_result')) for f, _ in callbacks]
            check('the storefront got signed callbacks, pending before completed',
                  all(ok for _, ok in callbacks)
                  and ('b-1', 'completed') in seen and ('b-2', 'completed') in seen
                  and seen.index(('b-4', 'pending')) < seen.index(('b-4', 'completed')), seen)
            browser.close()
    finally:
        gateway_proc.terminate()
        gateway_proc.wait(timeout=15)
    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    print(f'screenshots: {shots}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
