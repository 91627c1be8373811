"""The sessions API checked from outside, with tools that are not ours: the OpenAPI document
validated by openapi-spec-validator, every operation fuzzed by schemathesis against its own
document, and the README's flow (a key from the CLI, an endpoint, a session created with HTTP,
paid through the hosted page, its webhook verified by the Standard Webhooks reference library
for Python). Usage: python3 tests/contract/api.py target/debug/offsite-gateway"""
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'browser'))
from journey import RECEIVER_HOST, check, free_port, gateway_env, results, start_gateway  # noqa: E402


def need(module, package):
    try:
        __import__(module)
    except ImportError:
        subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', package], check=True)


need('openapi_spec_validator', 'openapi-spec-validator')
need('standardwebhooks', 'standardwebhooks')
need('schemathesis', 'schemathesis')
from openapi_spec_validator import validate  # noqa: E402
from standardwebhooks.webhooks import Webhook  # noqa: E402


def call(method, url, key=None, body=None, form=None, headers=None):
    data = None
    h = dict(headers or {})
    if key:
        h['Authorization'] = 'Bearer ' + key
    if body is not None:
        data = json.dumps(body).encode()
        h['Content-Type'] = 'application/json'
    if form is not None:
        data = form.encode()
        h['Content-Type'] = 'application/x-www-form-urlencoded'
    req = urllib.request.Request(url, data=data, method=method, headers=h)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        resp = opener.open(req, timeout=10)
        return resp.status, dict(resp.headers), resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def receiver():
    """A webhook endpoint on the receivers' loopback address that keeps every request's headers and body."""
    hits = []

    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get('content-length', 0)))
            hits.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(200)
            self.end_headers()
    server = http.server.ThreadingHTTPServer((RECEIVER_HOST, free_port(RECEIVER_HOST)), H)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, hits


def main():
    binary = os.path.abspath(sys.argv[1])
    workdir = tempfile.mkdtemp()
    port = free_port()
    proc, gw, account, _ = start_gateway(binary, workdir, port, GATEWAY_WEBHOOK_RETRY_SCHEDULE='1s,1s')
    server, hits = receiver()
    try:
        made = subprocess.run([binary, 'api-key', 'create', account, '--json'], cwd=workdir,
                              env=gateway_env(port), capture_output=True, text=True, check=True)
        key = json.loads(made.stdout)['key']
        check('the CLI makes a test key, shown once', key.startswith('sk_test_'), made.stdout)

        status, _, text = call('GET', gw + '/v1/openapi.json')
        doc = json.loads(text)
        try:
            validate(doc)
            valid = None
        except Exception as e:  # the validator's own error says what is wrong
            valid = e
        check('openapi-spec-validator accepts /v1/openapi.json', status == 200 and valid is None, valid)
        check('the document is OpenAPI 3 with the 11 paths of sections 11 and 12',
              doc.get('openapi', '').startswith('3.') and len(doc['paths']) == 11, list(doc['paths']))

        # The README's flow.
        status, _, text = call('POST', gw + '/v1/webhook_endpoints', key,
                               {'url': f'http://{RECEIVER_HOST}:{server.server_port}/hooks', 'events': ['*']})
        endpoint = json.loads(text)
        check('an endpoint is made with its whsec_ secret', status == 201 and endpoint['secret'].startswith('whsec_'), text)
        status, _, text = call('POST', gw + '/v1/sessions', key,
                               {'amount': 1999, 'currency': 'EUR', 'reference': 'order-1001',
                                'return_url': 'https://shop.example.com/thanks',
                                'cancel_url': 'https://shop.example.com/cart', 'metadata': {'cart': 'c-77'}},
                               headers={'Idempotency-Key': 'order-1001'})
        session = json.loads(text)
        check('POST /v1/sessions answers 201 with an open session', status == 201 and session['status'] == 'open', text)
        page = session['url']
        status, _, html = call('GET', page)
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        form = (f'csrf_token={token}&attempt=0&cardholder_name=Ada+Lovelace&card_number=4242+4242+4242+4242'
                '&card_expiry=12%2F30&card_cvc=123')
        status, headers, _ = call('POST', page, form=form,
                                  headers={'Origin': gw, 'Sec-Fetch-Site': 'same-origin'})
        location = headers.get('Location') or headers.get('location')
        check('paying sends the shopper to return_url with the session id',
              status == 303 and location == f"https://shop.example.com/thanks?session_id={session['id']}",
              (status, location))
        status, _, text = call('GET', gw + '/v1/sessions/' + session['id'], key)
        check('the session reads complete', json.loads(text)['status'] == 'complete', text)
        for _ in range(100):
            if hits:
                break
            time.sleep(0.1)
        wh = Webhook(endpoint['secret'])
        verified = []
        for headers, body in hits:
            try:
                wh.verify(body.decode(), headers)
                verified.append(json.loads(body)['type'])
            except Exception as e:
                verified.append(f'refused: {e}')
        check('the payment.completed webhook verifies with the standardwebhooks library',
              verified == ['payment.completed'], verified)

        # Every operation against its own document.
        st = subprocess.run(['st', 'run', gw + '/v1/openapi.json', '-H', f'Authorization: Bearer {key}',
                             '--checks', 'all',
                             # Accepting every schema-valid value is not the contract: an ISO 4217
                             # code, a public host or a payment's state are checked past the schema
                             # (422 or 409), as the document says.
                             '--exclude-checks', 'positive_data_acceptance',
                             '--max-examples', '40', '--phases', 'examples,coverage,fuzzing',
                             '--seed', '1'], capture_output=True, text=True)
        tail = '\n'.join(st.stdout.splitlines()[-25:])
        check('schemathesis finds no answer that breaks the document', st.returncode == 0, tail)
        print(tail)
    finally:
        server.shutdown()
        proc.terminate()
        proc.wait(timeout=15)
    failed = sum(1 for _, ok in results if not ok)
    print(f'{len(results) - failed} passed, {failed} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
