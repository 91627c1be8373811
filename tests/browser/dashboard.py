"""A merchant in a real browser (Debian's headless Chromium, driven by Playwright).

Starts the gateway binary on a fresh SQLite database, invites a dashboard user for the sandbox
merchant through the CLI, and then, as that merchant: sets a password through the one-time link,
logs in (a wrong password first), rotates the secret with an overlap and revokes the previous one
while signed checkouts from Python show which secret verifies, reads the signature doctor's
rejections, makes an API key and a webhook endpoint (a live key and a bad URL refused, the key
and the secret each shown once), sees a paid session's webhook delivered and sends it again,
rotates the endpoint's secret, restricts the return hosts, is attacked by a cross-origin page
(T10: the forms it auto-submits change nothing), and logs out. Every page is screenshotted (some at 390px as well)
and checked with axe-core.

    python3 tests/browser/dashboard.py target/debug/offsite-gateway [screenshot-dir]

axe-core: `AXE_JS` names axe.min.js; otherwise it is installed with npm into
`${TMPDIR:-/tmp}/og-axe` when missing there.
"""
import hashlib
import hmac
import html
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import sync_playwright

from journey import (CHROMIUM_ARGS, RECEIVER_HOST, axe_check, axe_path, check, free_port, gateway_env, results,
                     start_gateway)

EMAIL = 'owner@example.com'
PASSWORD = 'correct horse battery staple'
SHOP = 'https://shop.example.com'
# Chromium logs every 4xx page it shows; the journey means to see them.
EXPECTED_STATUS = 'Failed to load resource: the server responded with a status of 4'


def sign(secret, fields, include=lambda k: k.startswith('x_') and k != 'x_signature'):
    msg = ''.join(k + v for k, v in sorted(fields.items()) if include(k))
    return hmac.new(secret.encode(), msg.encode(), hashlib.sha256).hexdigest()


def checkout_fields(account, ref, **overrides):
    fields = {'x_account_id': account, 'x_amount': '1234.50', 'x_currency': 'EUR',
              'x_reference': ref, 'x_shop_country': 'DE', 'x_shop_name': 'Café Müller & Söhne',
              'x_test': 'true', 'x_description': '2 × espresso machine <Deluxe>',
              'x_url_callback': SHOP + '/notify', 'x_url_cancel': SHOP + '/cart',
              'x_url_complete': SHOP + '/done?order=' + ref}
    fields.update(overrides)
    return fields


def post_checkout(gateway, fields):
    """POST /checkout as a storefront's server would, without following the redirect."""
    url = urllib.parse.urlparse(gateway)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request('POST', '/checkout', urllib.parse.urlencode(fields),
                 {'content-type': 'application/x-www-form-urlencoded', 'accept': 'application/json'})
    resp = conn.getresponse()
    body = resp.read().decode('utf-8', 'replace')
    conn.close()
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    return resp.status, resp.getheader('location') or '', data, body


def signed_checkout(gateway, secret, account, ref, **overrides):
    fields = checkout_fields(account, ref, **overrides)
    fields['x_signature'] = sign(secret, fields)
    return post_checkout(gateway, fields)


def diagnosis(data):
    try:
        return data['error']['detail']['diagnosis']
    except (TypeError, KeyError):
        return None


def redirected_to_pay(status, location):
    return status == 303 and re.fullmatch(r'/pay/[0-9a-f]{32}', urllib.parse.urlparse(location).path)


def evil_site(gateway):
    """Another origin on loopback whose pages auto-submit forms to the gateway (T10)."""
    port = free_port()
    forms = {
        '/settings': ('/dashboard/settings', {'return_hosts': 'evil.example', 'frame_origins': ''}),
        '/rotate': ('/dashboard/credentials', {'intent': 'rotate', 'overlap': '60'}),
        # Login CSRF: the victim's browser logged into an account the attacker knows.
        '/login': ('/dashboard/login', {'email': EMAIL, 'password': PASSWORD}),
    }
    # The same forms from a page whose referrer policy makes the browser send `Origin: null`.
    forms.update({path + '-no-referrer': target for path, target in forms.items()})

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path not in forms:
                self.send_response(404)
                self.end_headers()
                return
            action, fields = forms[self.path]
            inputs = ''.join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                             for k, v in fields.items())
            meta = '<meta name="referrer" content="no-referrer">' if self.path.endswith('-no-referrer') else ''
            body = (f'<!doctype html><html><head>{meta}</head><body><form method="post" action="{gateway}{action}">{inputs}'
                    '</form><script>document.forms[0].submit()</script></body></html>').encode()
            self.send_response(200)
            self.send_header('content-type', 'text/html; charset=utf-8')
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(('127.0.0.1', port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f'http://127.0.0.1:{port}', server


def webhook_receiver():
    """A merchant's webhook receiver on loopback: answers 200 and keeps each request's headers."""
    port = free_port(RECEIVER_HOST)
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get('content-length') or 0))
            hits.append({'path': self.path, 'id': self.headers.get('webhook-id'), 'body': body})
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'ok')

    server = ThreadingHTTPServer((RECEIVER_HOST, port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f'http://{RECEIVER_HOST}:{port}', hits, server


def api(gateway, method, path, key, body=None):
    """One call of the sessions API with `key` as bearer; the status and the JSON answer."""
    url = urllib.parse.urlparse(gateway)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    headers = {'authorization': f'Bearer {key}'}
    if body is not None:
        headers['content-type'] = 'application/json'
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    resp = conn.getresponse()
    text = resp.read().decode('utf-8', 'replace')
    conn.close()
    try:
        return resp.status, json.loads(text)
    except ValueError:
        return resp.status, text


def pay_with_http(gateway, pay_url):
    """Pays a hosted page with the approved card from Python (the return URL is not reachable
    here, so no browser follows it); the status of the card form's POST."""
    url = urllib.parse.urlparse(pay_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request('GET', url.path)
    page = conn.getresponse().read().decode()
    hidden = dict(re.findall(r'name="(csrf_token|attempt)" value="([^"]*)"', page))
    form = dict(hidden, cardholder_name='Ada Lovelace', card_number='4242 4242 4242 4242',
                card_expiry='12/30', card_cvc='123')
    conn.request('POST', url.path, urllib.parse.urlencode(form),
                 {'content-type': 'application/x-www-form-urlencoded', 'origin': gateway})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status


def main():
    started = time.time()
    binary = sys.argv[1]
    shots = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    axe_js = axe_path()
    workdir = tempfile.mkdtemp()
    port = free_port()
    gateway_proc, gateway, account, secret = start_gateway(binary, workdir, port)
    try:
        # 1. The sandbox merchant and an invitation from the CLI, on the same database.
        check('the gateway printed its sandbox merchant', account and secret)
        invite = subprocess.run([os.path.abspath(binary), 'merchant', 'invite', account, '--email', EMAIL],
                                cwd=workdir, env=gateway_env(port), capture_output=True, text=True, timeout=60)
        link = invite.stdout.splitlines()[0].strip() if invite.stdout else ''
        check('merchant invite prints a setup link on its first line',
              invite.returncode == 0 and re.fullmatch(re.escape(gateway) + r'/dashboard/setup/[0-9a-f]{64}', link),
              (invite.returncode, invite.stdout, invite.stderr))
        evil, evil_server = evil_site(gateway)

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', headless=True, args=CHROMIUM_ARGS)
            # bypass_csp only so axe-core can be injected into pages that send default-src 'none'.
            context = browser.new_context(viewport={'width': 1024, 'height': 800}, bypass_csp=True)
            page = context.new_page()
            dialogs, console_errors = [], []
            page.on('dialog', lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on('console', lambda m: m.type == 'error' and not m.text.startswith(EXPECTED_STATUS)
                    and console_errors.append(m.text))
            axe_seen = {}

            def shot(name):
                page.screenshot(path=os.path.join(shots, f'dashboard-{name}.png'), full_page=True)

            def axe(name):
                axe_check(page, axe_js, name, axe_seen)

            def narrow(name, what):
                """The same page on a 390px phone: a screenshot and axe-core again."""
                page.set_viewport_size({'width': 390, 'height': 844})
                shot(name + '-390')
                axe(what + ' at 390px')
                overflow = page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
                check(f'{what} does not scroll sideways at 390px', overflow <= 0, f'{overflow}px too wide')
                page.set_viewport_size({'width': 1024, 'height': 800})

            def visit(path):
                return page.goto(gateway + path)

            def submit(button):
                """Click a submit button; the navigation's response and the first response of its chain."""
                with page.expect_navigation() as nav:
                    page.click(button)
                final = nav.value
                first = final
                req = final.request
                while req.redirected_from is not None:
                    req = req.redirected_from
                    first = req.response()
                return first.status, final

            # 2. The setup link: a short password, then a good one.
            resp = page.goto(link)
            check('the setup page opens', resp.status == 200 and page.locator('form#setup-form').count() == 1
                  and page.inner_text('#setup-email') == EMAIL, resp.status)
            shot('setup')
            axe('the setup page')
            # The browser itself refuses a short password (minlength); turn that off to test the server.
            page.evaluate("document.getElementById('setup-form').noValidate = true")
            page.fill('#password', 'short-pass')
            page.fill('#password_confirm', 'short-pass')
            status, _ = submit('#setup-button')
            check('a too-short password is 422 with #setup-error',
                  status == 422 and page.locator('#setup-error').is_visible(), status)
            shot('setup-error')
            axe('the setup page with an error')
            page.fill('#password', PASSWORD)
            page.fill('#password_confirm', PASSWORD)
            status, final = submit('#setup-button')
            check('a good password is 303 to the login page with the welcome message',
                  status == 303 and final.url == gateway + '/dashboard/login?welcome'
                  and page.locator('#message').is_visible() and page.locator('form#login-form').count() == 1,
                  (status, final.url))
            shot('login')
            axe('the login page')
            narrow('login', 'the login page')
            resp = page.goto(link)
            check('the setup link works only once', resp.status == 404 and page.locator('form#setup-form').count() == 0,
                  resp.status)

            # 3. Log in: a wrong password, then the right one.
            visit('/dashboard/login')
            page.fill('#email', EMAIL)
            page.fill('#password', 'not the right password')
            status, _ = submit('#login-button')
            check('a wrong password is 401 with #login-error',
                  status == 401 and page.locator('#login-error').is_visible()
                  and page.input_value('#email') == EMAIL, status)
            shot('login-error')
            axe('the login page with an error')
            page.fill('#password', PASSWORD)
            status, final = submit('#login-button')
            check('the right password is 303 to /dashboard', status == 303 and final.url == gateway + '/dashboard',
                  (status, final.url))
            posted = final.request.redirected_from.all_headers() if final.request.redirected_from else {}
            print(f'     (the login form sent Origin: {posted.get("origin")}, Sec-Fetch-Site: {posted.get("sec-fetch-site")})')
            check('#account-id is the sandbox account', page.inner_text('#account-id') == account,
                  page.inner_text('main'))
            check('the overview shows test mode', page.inner_text('#mode') == 'test payments only'
                  and page.locator('#test-only-note').is_visible())
            lang_dir = (page.get_attribute('html', 'lang'), page.get_attribute('html', 'dir'))
            check('the overview says its language and direction (lang="en" dir="ltr")',
                  lang_dir == ('en', 'ltr'), lang_dir)
            events = page.eval_on_selector_all('#audit-log tr[data-event]', 'rs => rs.map(r => r.dataset.event)')
            check('the audit log has login.failed and login.succeeded', 'login.failed' in events
                  and 'login.succeeded' in events, events)
            cookies = [c for c in context.cookies() if c['name'].startswith('__Host-')]
            c = cookies[0] if cookies else {}
            check('the session cookie is __Host-og_session, HttpOnly, Secure, SameSite=Strict, Path=/ on '
                  + urllib.parse.urlparse(gateway).hostname,
                  len(cookies) == 1 and c['name'] == '__Host-og_session' and c['httpOnly'] and c['secure']
                  and c['sameSite'] == 'Strict' and c['path'] == '/', context.cookies())
            shot('overview')
            narrow('overview', 'the overview')
            axe('the overview')

            # 4. Credentials: rotate, sign with both secrets, rotate again, revoke.
            visit('/dashboard/credentials')
            check('the credentials page shows the account id', page.inner_text('#account-id') == account)
            check('no previous secret before rotating', page.locator('#previous-expires').count() == 0
                  and page.locator('#revoke-previous-form').count() == 0)
            page.evaluate("document.getElementById('rotate-form').noValidate = true")
            page.fill('#overlap', '30')
            status, _ = submit('#rotate-button')
            check('an overlap under a minute is 422 with #credentials-error and no new secret',
                  status == 422 and page.locator('#credentials-error').is_visible()
                  and page.locator('#new-secret').count() == 0 and page.locator('#previous-expires').count() == 0,
                  (status, page.inner_text('main')))
            page.fill('#overlap', '3600')
            with page.expect_response(lambda r: r.url == gateway + '/dashboard/credentials'
                                      and r.request.method == 'POST') as rotated:
                status, _ = submit('#rotate-button')
            check('the page with the new secret is Cache-Control: no-store',
                  'no-store' in (rotated.value.headers.get('cache-control') or ''), rotated.value.headers)
            new_secret = page.inner_text('#new-secret').strip() if page.locator('#new-secret').count() else ''
            check('rotating shows the new secret once, and #previous-expires',
                  status == 200 and page.locator('#new-secret').is_visible() and len(new_secret) >= 32
                  and new_secret != secret and page.locator('#previous-expires').count() == 1
                  and page.locator('form#revoke-previous-form').count() == 1, (status, new_secret))
            shot('credentials-new-secret')
            narrow('credentials-new-secret', 'the credentials page with the new secret')
            axe('the credentials page with the new secret')
            visit('/dashboard/credentials')
            check('after a GET the new secret is nowhere in the page',
                  new_secret and new_secret not in page.content() and page.locator('#new-secret').count() == 0
                  and page.locator('#previous-expires').count() == 1)
            st_new, loc_new, _, _ = signed_checkout(gateway, new_secret, account, 'd-new-1')
            st_old, loc_old, _, _ = signed_checkout(gateway, secret, account, 'd-old-1')
            check('during the overlap the new secret verifies (303 to /pay)', redirected_to_pay(st_new, loc_new),
                  (st_new, loc_new))
            check('during the overlap the old secret verifies (303 to /pay)', redirected_to_pay(st_old, loc_old),
                  (st_old, loc_old))
            page.fill('#overlap', '3600')
            status, _ = submit('#rotate-button')
            check('rotating again while the previous secret is valid is 409 with #credentials-error',
                  status == 409 and page.locator('#credentials-error').is_visible()
                  and page.locator('#new-secret').count() == 0, (status, page.inner_text('main')))
            shot('credentials-conflict')
            axe('the credentials page with an error')
            status, _ = submit('#revoke-button')
            check('revoking the previous secret ends it', status == 200 and page.locator('#previous-expires').count() == 0
                  and page.locator('#revoke-previous-form').count() == 0, status)
            shot('credentials-revoked')
            axe('the credentials page after revoking')
            st_old, _, data, body = signed_checkout(gateway, secret, account, 'd-old-2')
            check('after revoking the old secret is 401 previous_secret_expired',
                  st_old == 401 and diagnosis(data) == 'previous_secret_expired', (st_old, body))
            st_new, loc_new, _, _ = signed_checkout(gateway, new_secret, account, 'd-new-2')
            check('after revoking the new secret still verifies', redirected_to_pay(st_new, loc_new), (st_new, loc_new))

            # 5. The signature doctor's rejections.
            fields = checkout_fields(account, 'd-doctor-1', utf8='✓', commit='Pay now')
            fields['x_signature'] = sign(new_secret, fields, include=lambda k: k != 'x_signature')
            st, _, data, body = post_checkout(gateway, fields)
            check('signing non-x fields is 401 non_x_fields_included',
                  st == 401 and diagnosis(data) == 'non_x_fields_included', (st, body))
            visit('/dashboard/developers')
            rows = page.eval_on_selector_all('#rejections tr[data-diagnosis]', 'rs => rs.map(r => r.dataset.diagnosis)')
            check('the developers page lists previous_secret_expired and non_x_fields_included',
                  'previous_secret_expired' in rows and 'non_x_fields_included' in rows, rows)
            check('rejections keep field names, never values',
                  new_secret not in page.content() and 'Pay now' not in page.content()
                  and 'espresso' not in page.content())
            shot('developers')
            narrow('developers', 'the developers page')
            axe('the developers page')

            # 5b. API keys and webhook endpoints on the developers page, through the real forms.
            receiver, hooks, receiver_server = webhook_receiver()
            check('the developers page has the API key and webhook sections',
                  page.locator('section#api-keys table#api-key-list').count() == 1
                  and page.locator('section#webhook-endpoints table#webhook-list').count() == 1
                  and page.locator('#new-api-key, #new-webhook-secret').count() == 0)
            page.check('#live')
            status, _ = submit('#api-key-button')
            check('a live key for the test-only sandbox is 422 with #live-error and no key',
                  status == 422 and page.locator('#live-error').is_visible()
                  and page.locator('#new-api-key').count() == 0
                  and page.locator('#api-key-list tr[data-key-id]').count() == 0,
                  (status, page.inner_text('#api-keys')))
            axe('the developers page refusing a live key')
            page.uncheck('#live')
            status, final = submit('#api-key-button')
            api_key = page.inner_text('#new-api-key').strip() if page.locator('#new-api-key').count() else ''
            check('a test key is shown once in #new-api-key, with the note that it is not shown again',
                  status == 200 and re.fullmatch(r'sk_test_[0-9a-f]{64}', api_key)
                  and 'not shown again' in page.inner_text('#api-keys')
                  and page.locator('#api-key-list tr[data-key-id] form.revoke-key-form').count() == 1,
                  (status, api_key))
            hint = page.inner_text('#api-key-list tr[data-key-id] td:nth-child(2)')
            check('the key is listed by its hint only', hint == 'sk_test_…' + api_key[-4:], hint)
            shot('developers-new-api-key')
            axe('the developers page with a new API key')
            st, body = api(gateway, 'GET', '/v1/payments', api_key)
            check('the new key works as a bearer on GET /v1/payments', st == 200, (st, body))

            page.fill('#webhook-url', 'ftp://hooks.example.com/in')
            page.evaluate("document.getElementById('webhook-form').noValidate = true")
            status, _ = submit('#webhook-button')
            check('a bad webhook URL is 422 with #webhook-url-error, nothing listed',
                  status == 422 and page.locator('#webhook-url-error').is_visible()
                  and page.locator('#events-error').is_visible()
                  and page.locator('#webhook-list tr[data-endpoint-id]').count() == 0, status)
            shot('developers-webhook-error')
            axe('the developers page with webhook form errors')
            page.fill('#webhook-url', receiver + '/hooks')
            page.check('#event-payment-completed')
            page.check('#event-payment-authorized')
            status, _ = submit('#webhook-button')
            whsec = page.inner_text('#new-webhook-secret').strip() if page.locator('#new-webhook-secret').count() else ''
            endpoint_rows = page.locator('#webhook-list tr[data-endpoint-id]')
            check('a webhook endpoint is made: its secret shown once in #new-webhook-secret, and listed',
                  status == 200 and whsec.startswith('whsec_') and endpoint_rows.count() == 1
                  and receiver + '/hooks' in endpoint_rows.first.inner_text()
                  and 'not shown again' in page.inner_text('#webhook-endpoints'), (status, whsec))
            axe('the developers page with a new webhook secret')
            visit('/dashboard/developers')
            check('after a GET neither the key nor the webhook secret is anywhere in the page',
                  api_key and whsec and api_key not in page.content() and whsec not in page.content()
                  and page.locator('#new-api-key, #new-webhook-secret').count() == 0)

            # A session paid with the new key: its payment.completed event reaches the receiver.
            st, made = api(gateway, 'POST', '/v1/sessions', api_key, {
                'amount': 4200, 'currency': 'EUR', 'reference': 'd-webhook-1',
                'return_url': SHOP + '/return', 'cancel_url': SHOP + '/cancel'})
            paid = st == 201 and pay_with_http(gateway, made['url']) == 303
            check('a session made with the key is paid', paid, (st, made))
            for _ in range(100):
                if hooks:
                    break
                time.sleep(0.1)
            check('the webhook reached the receiver', hooks and hooks[0]['path'] == '/hooks', hooks)
            for _ in range(50):
                visit('/dashboard/developers')
                if page.locator('table.webhook-deliveries tr[data-delivery-id]').count() >= 1 \
                        and 'pending' not in page.inner_text('table.webhook-deliveries'):
                    break
                time.sleep(0.1)
            rows = page.locator('table.webhook-deliveries tr[data-delivery-id]')
            listed = page.inner_text('table.webhook-deliveries') if rows.count() else ''
            links = page.eval_on_selector_all('table.webhook-deliveries a', 'as => as.map(a => a.getAttribute("href"))')
            check('the deliveries are listed: event type and id, payment link, delivered, HTTP 200',
                  'payment.completed' in listed and 'delivered' in listed and 'HTTP 200' in listed
                  and all(h['id'] in listed for h in hooks) and links
                  and all(re.fullmatch(r'/dashboard/payments/[0-9a-f]{32}', a or '') for a in links),
                  (listed, links))
            found = re.search(r'evt_[0-9a-f]+', rows.first.inner_text()) if rows.count() else None
            newest = found.group(0) if found else ''
            sent_before = len(hooks)
            status, final = submit('table.webhook-deliveries tr[data-delivery-id] form.resend-webhook-form button')
            check('sending the newest delivery again is 303 with #webhooks-message',
                  status == 303 and page.locator('#webhooks-message').is_visible(), (status, final.url))
            for _ in range(100):
                if len(hooks) > sent_before:
                    break
                time.sleep(0.1)
            first_send = next((h for h in hooks if h['id'] == newest), None)
            check('the resent delivery arrives again with the same webhook-id and body',
                  len(hooks) == sent_before + 1 and hooks[-1]['id'] == newest and first_send is not None
                  and hooks[-1]['body'] == first_send['body'], ([h['id'] for h in hooks], newest))
            status, _ = submit('#webhook-list tr[data-endpoint-id] form.rotate-webhook-form button')
            rotated = page.inner_text('#new-webhook-secret').strip() if page.locator('#new-webhook-secret').count() else ''
            check('rotating shows a new secret once and "previous secret valid until"',
                  status == 200 and rotated.startswith('whsec_') and rotated != whsec
                  and 'previous secret valid until' in page.inner_text('#webhook-list'), (status, rotated))
            visit('/dashboard/developers')
            shot('developers-keys-webhooks')
            narrow('developers-keys-webhooks', 'the developers page with keys and webhooks')
            axe('the developers page with a key, an endpoint and its deliveries')
            visit('/dashboard')
            events = page.eval_on_selector_all('#audit-log tr[data-event]', 'rs => rs.map(r => r.dataset.event)')
            check('the audit log has api_key.created, webhook_endpoint.created, webhook.resent and '
                  'webhook_endpoint.secret_rotated',
                  all(e in events for e in ('api_key.created', 'webhook_endpoint.created', 'webhook.resent',
                                            'webhook_endpoint.secret_rotated')), events)
            receiver_server.shutdown()

            # 6. Settings: a bad host, then allowed hosts and a frame origin.
            visit('/dashboard/settings')
            page.fill('#return_hosts', 'https://bad host')
            status, _ = submit('#settings-button')
            check('a bad host is 422 with #settings-error, the input kept',
                  status == 422 and page.locator('#settings-error').is_visible()
                  and page.input_value('#return_hosts') == 'https://bad host', status)
            shot('settings-error')
            axe('the settings page with an error')
            page.fill('#return_hosts', 'shop.example.com\n*.shop.example.com')
            page.fill('#frame_origins', 'https://shop.example.com')
            status, final = submit('#settings-button')
            check('good settings are 303 to ?saved with #message',
                  status == 303 and final.url == gateway + '/dashboard/settings?saved'
                  and page.locator('#message').is_visible(), (status, final.url))
            shot('settings')
            narrow('settings', 'the settings page')
            axe('the settings page')
            visit('/dashboard/settings')
            hosts = page.input_value('#return_hosts').split()
            check('the settings are kept', hosts == ['shop.example.com', '*.shop.example.com']
                  and page.input_value('#frame_origins').strip() == 'https://shop.example.com',
                  (hosts, page.input_value('#frame_origins')))
            st, _, data, body = signed_checkout(gateway, new_secret, account, 'd-host-1',
                                                x_url_complete='https://evil.example/done')
            code = (data or {}).get('error', {}).get('code') if isinstance(data, dict) else None
            check('a checkout returning to another host is 422 invalid_field', st == 422 and code == 'invalid_field',
                  (st, body))
            st, _, data, body = signed_checkout(gateway, new_secret, account, 'd-host-2',
                                                x_url_callback='https://evil.example/notify')
            code = (data or {}).get('error', {}).get('code') if isinstance(data, dict) else None
            check('a checkout calling back another host is 422 invalid_field', st == 422 and code == 'invalid_field',
                  (st, body))
            st, loc, _, body = signed_checkout(gateway, new_secret, account, 'd-host-3',
                                               x_url_complete='https://pay.shop.example.com/done')
            check('a checkout on allowed hosts (and a subdomain) still verifies', redirected_to_pay(st, loc), (st, body))

            # 7. T10: a page on another origin auto-submits forms to the gateway.
            visit('/dashboard')
            rotations = page.locator('#audit-log tr[data-event="secret.rotated"]').count()
            changes = page.locator('#audit-log tr[data-event="settings.changed"]').count()
            check('the audit log has the rotation and the settings change', rotations == 1 and changes == 1,
                  (rotations, changes))
            for path, target in (('/settings', '/dashboard/settings'), ('/rotate', '/dashboard/credentials'),
                                 ('/settings-no-referrer', '/dashboard/settings'),
                                 ('/rotate-no-referrer', '/dashboard/credentials')):
                with page.expect_response(lambda r: r.url == gateway + target and r.request.method == 'POST') as got:
                    page.goto(evil + path)
                r = got.value
                sent = r.request.all_headers()
                sent_cookie = '__Host-og_session=' in (sent.get('cookie') or '')
                why = re.search(r'the form [^<]*', page.content())
                check(f'the POST to {target} from {evil}{path} is refused with 403', r.status == 403, r.status)
                print(f'     (cookie sent: {sent_cookie}, Origin: {sent.get("origin")}, '
                      f'Sec-Fetch-Site: {sent.get("sec-fetch-site")}, refused as: {why and why.group(0)})')
            visit('/dashboard/settings')
            check('after the attack the settings are unchanged',
                  page.input_value('#return_hosts').split() == ['shop.example.com', '*.shop.example.com'],
                  page.input_value('#return_hosts'))
            visit('/dashboard')
            check('after the attack no new rotation nor settings change is logged',
                  page.locator('#audit-log tr[data-event="secret.rotated"]').count() == rotations
                  and page.locator('#audit-log tr[data-event="settings.changed"]').count() == changes)
            st, loc, _, body = signed_checkout(gateway, new_secret, account, 'd-after-attack')
            check('after the attack the new secret still verifies', redirected_to_pay(st, loc), (st, body))

            # The password page: a wrong current password changes nothing.
            visit('/dashboard/password')
            shot('password')
            axe('the password page')
            page.evaluate("document.getElementById('password-form').noValidate = true")
            page.fill('#current_password', 'not the right password')
            page.fill('#password', 'another long password')
            page.fill('#password_confirm', 'another long password')
            status, _ = submit('#password-button')
            check('a wrong current password is 422 with #password-error',
                  status == 422 and page.locator('#password-error').is_visible(), status)
            shot('password-error')
            axe('the password page with an error')

            # The same pages under their real CSP (the journey's context bypasses it for axe-core).
            strict = browser.new_context(viewport={'width': 1024, 'height': 800})
            strict_page = strict.new_page()
            csp_errors = []
            strict_page.on('console', lambda m: 'Content Security Policy' in m.text and csp_errors.append(m.text))
            strict_page.on('pageerror', lambda e: csp_errors.append(str(e)))
            strict_page.goto(gateway + '/dashboard/login')
            strict_page.fill('#email', EMAIL)
            strict_page.fill('#password', PASSWORD)
            with strict_page.expect_navigation():
                strict_page.click('#login-button')
            for path in ('/dashboard', '/dashboard/credentials', '/dashboard/settings', '/dashboard/developers',
                         '/dashboard/password'):
                strict_page.goto(gateway + path)
            styled = strict_page.evaluate("getComputedStyle(document.querySelector('main')).borderTopStyle")
            check('under the real CSP the pages are styled and nothing is refused', strict_page.url.endswith('/password')
                  and styled == 'solid' and not csp_errors, (strict_page.url, styled, csp_errors))
            strict.close()

            # 8. Log out.
            token = next(c['value'] for c in context.cookies() if c['name'] == '__Host-og_session')
            status, final = submit('#logout-form button')
            check('logging out is 303 to the login page', status == 303 and final.url.startswith(gateway + '/dashboard/login'),
                  (status, final.url))
            shot('logged-out')
            axe('the login page after logging out')
            resp = visit('/dashboard')
            check('after logging out /dashboard shows the login page',
                  page.url.startswith(gateway + '/dashboard/login') and page.locator('form#login-form').count() == 1,
                  (resp.status, page.url))
            check('the session cookie is gone', not [c for c in context.cookies() if c['name'] == '__Host-og_session'],
                  context.cookies())
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
            conn.request('GET', '/dashboard', headers={'cookie': f'__Host-og_session={token}'})
            old = conn.getresponse()
            old.read()
            conn.close()
            check('the logged-out session token no longer opens the dashboard',
                  old.status == 303 and old.getheader('location') == '/dashboard/login',
                  (old.status, old.getheader('location')))
            # Login CSRF: a logged-out browser visits pages on another port that post the login
            # form (one of them making the browser send `Origin: null`).
            for path in ('/login', '/login-no-referrer'):
                with page.expect_response(lambda r: r.url == gateway + '/dashboard/login'
                                          and r.request.method == 'POST') as got:
                    page.goto(evil + path)
                r = got.value
                check(f'a login posted from {evil}{path} is refused with 403', r.status == 403,
                      (r.status, r.request.all_headers().get('origin')))
            check('and the browser holds no session after them',
                  not [c for c in context.cookies() if c['name'] == '__Host-og_session'], context.cookies())
            check('no script ran a dialog and the console stayed clean', not dialogs and not console_errors,
                  (dialogs, console_errors))
            print(f'     (axe-core ran on {len(axe_seen)} page states: '
                  + ', '.join(f'{n} {p} rules passed' for n, (p, _) in list(axe_seen.items())[:3]) + ', ...)')
            browser.close()
        evil_server.shutdown()
    finally:
        gateway_proc.terminate()
        gateway_proc.wait(timeout=15)
    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    print(f'screenshots: {shots}  ({time.time() - started:.1f}s)')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
