"""`offsite-gateway demo` in a real browser (Debian's headless Chromium, driven by Playwright).

Runs the binary's `demo` command in a directory of its own (a fresh SQLite database, free ports
for the gateway and the storefront, GATEWAY_ALLOW_PRIVATE_TARGETS unset), reads what it prints,
and then, as a shopper, under the pages' real CSP: buys the mug with 4242 and lands on the
storefront's order page with the return's signature verified and then the callback's; pays
with the decline card until the payment fails; pays with the pending card and sees both
callbacks; cancels. Every page is screenshotted (prefix `demo-`, some at 390px too) and checked
with axe-core in a second context. Ctrl-C and SIGTERM must stop the command cleanly.

    python3 tests/browser/demo.py target/debug/offsite-gateway [screenshot-dir]
"""
import hashlib
import hmac
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

from playwright.sync_api import sync_playwright

from journey import CHROMIUM_ARGS, axe_check, axe_path, check, free_port, results

# Chromium logs every 4xx answer it shows (the storefront's 404 page, say).
EXPECTED_STATUS = 'Failed to load resource: the server responded with a status of 4'


def demo_env(gateway_port):
    env = dict(os.environ, GATEWAY_LISTEN=f'127.0.0.1:{gateway_port}', RUST_LOG='warn',
               GATEWAY_PENDING_SETTLE_AFTER='2s', GATEWAY_CALLBACK_RETRY_SCHEDULE='1s,1s')
    for name in ('DATABASE_URL', 'GATEWAY_MASTER_KEY', 'GATEWAY_ALLOW_PRIVATE_TARGETS', 'GATEWAY_PUBLIC_URL',
                 'GATEWAY_CALLBACK_ALLOW_NETS', 'GATEWAY_DEMO_STOREFRONT_LISTEN'):
        env.pop(name, None)
    return env


def start_demo(binary, workdir, gateway_port, shop_port):
    """Starts `demo`; returns the process and what it printed up to "Press Ctrl-C"."""
    proc = subprocess.Popen([os.path.abspath(binary), 'demo', '--storefront-listen', f'127.0.0.1:{shop_port}'],
                            cwd=workdir, env=demo_env(gateway_port), stdout=subprocess.PIPE, text=True)
    printed = []
    for line in proc.stdout:
        printed.append(line)
        if line.startswith('Press Ctrl-C'):
            break
    return proc, ''.join(printed)


def listening(port):
    try:
        socket.create_connection(('127.0.0.1', port), timeout=0.2).close()
        return True
    except OSError:
        return False


def stop(proc, sig):
    proc.send_signal(sig)
    try:
        return proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        return 'still running after 20 s'


def forge_callback(shop_port, reference):
    """POSTs a completed callback for `reference` signed with a key that is not the merchant's;
    returns the storefront's status."""
    fields = {'x_account_id': 'acct_forger', 'x_amount': '24.00', 'x_currency': 'EUR',
              'x_gateway_reference': 'forged', 'x_reference': reference, 'x_result': 'completed',
              'x_test': 'true', 'x_timestamp': '2030-01-01T00:00:00Z', 'x_transaction_type': 'sale'}
    msg = ''.join(k + v for k, v in sorted(fields.items()))
    fields['x_signature'] = hmac.new(b'not the secret', msg.encode(), hashlib.sha256).hexdigest()
    conn = http.client.HTTPConnection('127.0.0.1', shop_port, timeout=10)
    conn.request('POST', '/callback', urllib.parse.urlencode(fields),
                 {'content-type': 'application/x-www-form-urlencoded'})
    status = conn.getresponse().status
    conn.close()
    return status


def fill_card(page, number):
    page.fill('#cardholder_name', 'Ada Lovelace')
    page.fill('#card_number', number)
    page.fill('#card_expiry', '12/30')
    page.fill('#card_cvc', '123')
    with page.expect_navigation():
        page.click('#pay-button')


def main():
    started = time.time()
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    axe_js = axe_path()
    workdir = tempfile.mkdtemp()
    gateway_port, shop_port = free_port(), free_port()
    gateway, shop = f'http://127.0.0.1:{gateway_port}', f'http://127.0.0.1:{shop_port}'
    proc, printed = start_demo(binary, workdir, gateway_port, shop_port)
    print(printed, end='')
    check('demo prints where to open the storefront and where the gateway runs',
          f'Open {shop} to shop.' in printed and f'The gateway runs at {gateway} ' in printed, printed)
    check('demo prints the test cards',
          '4242 4242 4242 4242  approved' in printed and '4000 0000 0000 0002  declined' in printed, printed)
    check('demo prints no secret', 'secret:' not in printed.lower(), printed)
    check('both servers are up once it has printed', listening(gateway_port) and listening(shop_port))
    seen = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', headless=True, args=CHROMIUM_ARGS)
            # The shopper's journey under the real CSP (forms may post to the gateway only).
            context = browser.new_context(viewport={'width': 1024, 'height': 800})
            page = context.new_page()
            dialogs, console_errors = [], []
            page.on('dialog', lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on('console', lambda m: m.type == 'error' and not m.text.startswith(EXPECTED_STATUS)
                    and console_errors.append(m.text))
            pay_page = re.compile(re.escape(gateway) + r'/pay/[0-9a-f]{32}$')

            def shot(name, target=None):
                (target or page).screenshot(path=os.path.join(shots, f'demo-{name}.png'), full_page=True)

            def to_gateway(name=None):
                """From the product page to our payment page; returns the order's reference."""
                page.goto(shop + '/')
                page.click('#checkout-button')
                page.wait_for_selector('#continue-form')
                reference = page.inner_text('h1').split()[-1]
                if name:
                    shot(name)
                page.click('#continue-button')
                page.wait_for_url(pay_page)
                return reference

            def back_on(reference):
                return re.compile(re.escape(f'{shop}/orders/{reference}') + r'\?.*x_signature=.*')

            def wait_for_callbacks(reference, want, seconds=15):
                """Reloads the order page (its Refresh link) until `want` verified callbacks show."""
                deadline = time.time() + seconds
                while True:
                    rows = page.locator('tr.callback[data-verified="true"]')
                    if rows.count() >= want or time.time() > deadline:
                        return [page.get_attribute(f'tr.callback >> nth={i}', 'data-result')
                                for i in range(page.locator('tr.callback').count())]
                    time.sleep(0.3)
                    page.click('#refresh-link')
                    page.wait_for_url(f'{shop}/orders/{reference}')

            # 1. The product, the signed request, our page, 4242, the verified return.
            page.goto(shop + '/')
            shot('shop')
            check('the product page shows the mug, its price, the button and the test cards',
                  page.inner_text('#product-name') == 'Enamel camping mug' and page.inner_text('#price') == '€24.00'
                  and page.inner_text('#checkout-button') == 'Pay with Offsite Gateway'
                  and '4242 4242 4242 4242' in page.inner_text('#test-cards'), page.inner_text('main'))
            styled = page.evaluate("getComputedStyle(document.querySelector('main')).borderTopStyle")
            check('the storefront is styled under its CSP', styled == 'solid', styled)
            ref_ok = to_gateway('continue')
            shot('pay')
            check('our page shows the demo shop and the amount',
                  'Demo storefront' in page.inner_text('#shop-name') and page.inner_text('#amount') == '€24.00',
                  page.inner_text('main'))
            fill_card(page, '4242 4242 4242 4242')
            page.wait_for_url(back_on(ref_ok))
            shot('order-returned')
            check('4242 lands on the order page with the return verified',
                  page.inner_text('#return-signature') == 'signature verified'
                  and page.inner_text('#return-result') == 'completed'
                  and page.inner_text('#return-card') == 'visa ending in 4242'
                  and page.inner_text('#order-status') == 'Paid', page.inner_text('main'))
            results_seen = wait_for_callbacks(ref_ok, 1)
            shot('order-callback')
            check('its callback arrives and is shown verified', results_seen[:1] == ['completed'], results_seen)

            # 2. The decline card, three times: the payment fails and the shopper is sent back.
            ref_declined = to_gateway()
            fill_card(page, '4000 0000 0000 0002')
            page.wait_for_selector('#notice')
            shot('pay-declined')
            check('a decline is shown on our page', 'Your card was declined.' in page.inner_text('#notice'))
            for _ in range(2):
                fill_card(page, '4000 0000 0000 0002')
            page.wait_for_url(back_on(ref_declined))
            check('after three declines the order page shows the failed return, verified',
                  page.inner_text('#return-signature') == 'signature verified'
                  and page.inner_text('#return-result') == 'failed'
                  and page.inner_text('#return-message') == 'Your card was declined.'
                  and page.inner_text('#order-status') == 'Payment failed', page.inner_text('main'))
            results_seen = wait_for_callbacks(ref_declined, 1)
            shot('order-failed')
            check('the failed callback arrives verified', results_seen[:1] == ['failed'], results_seen)

            # 3. The pending card: a pending return, then pending and completed callbacks.
            ref_pending = to_gateway()
            fill_card(page, '4000 0000 0000 0077')
            page.wait_for_url(back_on(ref_pending))
            check('the pending card returns pending, verified',
                  page.inner_text('#return-result') == 'pending'
                  and page.inner_text('#return-signature') == 'signature verified', page.inner_text('main'))
            results_seen = wait_for_callbacks(ref_pending, 2)
            shot('order-pending-settled')
            check('the pending and the completed callback arrive in order, both verified',
                  results_seen[:2] == ['pending', 'completed'] and page.inner_text('#order-status') == 'Paid',
                  (results_seen, page.inner_text('#order-status')))

            # 4. A forged callback for the cancelled-to-be order: 401, shown INVALID, nothing changes.
            ref_cancelled = to_gateway()
            check('a forged callback is answered 401', forge_callback(shop_port, ref_cancelled) == 401)

            # 5. Cancel on our page: the storefront's cancel page.
            page.click('#cancel-link')
            page.wait_for_url(f'{shop}/cancel?order={ref_cancelled}')
            shot('cancel')
            check('cancelling lands on the storefront\'s cancel page',
                  page.inner_text('#cancelled') == 'Payment cancelled', page.inner_text('main'))
            page.click('#order-link')
            page.wait_for_url(f'{shop}/orders/{ref_cancelled}')
            shot('order-forged')
            check('and the order shows cancelled, the forged callback shown INVALID and not believed',
                  page.inner_text('#order-status') == 'Cancelled by the shopper'
                  and page.locator('tr.callback[data-verified="false"]').count() == 1
                  and 'signature INVALID' in page.inner_text('#callbacks'), page.inner_text('main'))

            page.goto(shop + '/orders')
            shot('orders')
            rows = page.locator('#orders tbody tr').count()
            check('the orders page lists the four orders', rows == 4, rows)
            page.goto(shop + '/no-such-page')
            shot('not-found')
            check('an unknown page is the storefront\'s own 404', page.inner_text('h1') == 'Page not found')
            check('no script ran a dialog and the console stayed clean (CSP included)',
                  not dialogs and not console_errors, (dialogs, console_errors))

            # 6. axe-core on every page state (its context bypasses the CSP so it can be injected).
            audit = browser.new_context(viewport={'width': 1024, 'height': 800}, bypass_csp=True)
            a = audit.new_page()

            def narrow(name, what):
                a.set_viewport_size({'width': 390, 'height': 844})
                shot(name + '-390', a)
                axe_check(a, axe_js, what + ' at 390px', seen)
                overflow = a.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
                check(f'{what} does not scroll sideways at 390px', overflow <= 0, f'{overflow}px too wide')
                a.set_viewport_size({'width': 1024, 'height': 800})

            a.goto(shop + '/')
            axe_check(a, axe_js, 'the product page', seen)
            narrow('shop', 'the product page')
            a.click('#checkout-button')
            a.wait_for_selector('#continue-form')
            axe_check(a, axe_js, 'the continue page', seen)
            narrow('continue', 'the continue page')
            for name, reference in (('completed', ref_ok), ('failed', ref_declined), ('pending-settled', ref_pending),
                                    ('cancelled', ref_cancelled)):
                a.goto(f'{shop}/orders/{reference}')
                axe_check(a, axe_js, f'the {name} order page', seen)
            a.goto(f'{shop}/orders/{ref_ok}')
            a.click('summary')
            axe_check(a, axe_js, 'the order page with its values open', seen)
            narrow('order-callback', 'the order page')
            a.goto(shop + '/orders')
            axe_check(a, axe_js, 'the orders page', seen)
            narrow('orders', 'the orders page')
            a.goto(f'{shop}/cancel?order={ref_cancelled}')
            axe_check(a, axe_js, 'the cancel page', seen)
            a.goto(shop + '/no-such-page')
            axe_check(a, axe_js, 'the 404 page', seen)
            print(f'     (axe-core ran on {len(seen)} page states: '
                  + ', '.join(f'{n} {p} rules passed' for n, (p, _) in list(seen.items())[:3]) + ', ...)')
            browser.close()
    finally:
        code = stop(proc, signal.SIGINT)
    check('Ctrl-C stops the demo cleanly, both servers closed',
          code == 0 and not listening(gateway_port) and not listening(shop_port), code)

    # Started again on the same database: the sandbox merchant is kept; SIGTERM stops it.
    proc, printed = start_demo(binary, workdir, gateway_port, shop_port)
    check('a second start reuses the merchant and creates nothing',
          'Created' not in printed and f'Open {shop} to shop.' in printed, printed)
    code = stop(proc, signal.SIGTERM)
    check('SIGTERM stops the demo cleanly', code == 0, code)

    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    print(f'screenshots: {shots}  ({time.time() - started:.1f}s)')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
