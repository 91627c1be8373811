"""What the browser journeys share: the check list they report, free loopback ports, and the
gateway binary started on a fresh SQLite database in a directory of its own, with the sandbox
merchant it prints on its first start."""
import os
import socket
import subprocess
import time

CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                 '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync']
results = []
# Where the journeys' storefronts and receivers listen: a loopback address of their own, the one
# the gateway's SSRF guard is told to let callbacks reach (GATEWAY_CALLBACK_ALLOW_NETS), so the
# guard stays on as in production and a callback to 127.0.0.1 (the gateway itself) is refused.
RECEIVER_HOST = '127.0.0.2'


def check(name, condition, detail=''):
    results.append((name, bool(condition)))
    print(('ok   ' if condition else 'FAIL ') + name + ('' if condition else ': ' + str(detail)))


def free_port(host='127.0.0.1'):
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def gateway_env(port, **extra):
    """The environment of the gateway on `port` and of CLI commands on its database."""
    env = dict(os.environ, GATEWAY_LISTEN=f'127.0.0.1:{port}', GATEWAY_PUBLIC_URL=f'http://127.0.0.1:{port}',
               GATEWAY_ALLOW_PRIVATE_TARGETS='true', GATEWAY_CALLBACK_ALLOW_NETS=f'{RECEIVER_HOST}/32',
               RUST_LOG='warn', **extra)
    env.pop('DATABASE_URL', None)
    env.pop('GATEWAY_MASTER_KEY', None)
    return env


def start_gateway(binary, workdir, port, **extra):
    """Starts `serve` in `workdir`; returns the process, its base URL, and the sandbox merchant's
    account id and secret."""
    proc = subprocess.Popen([os.path.abspath(binary)], cwd=workdir, env=gateway_env(port, **extra),
                            stdout=subprocess.PIPE, text=True)
    account = secret = None
    for line in proc.stdout:
        if 'account id:' in line:
            account = line.split()[-1]
        if 'secret:' in line:
            secret = line.split()[-1]
            break
    for _ in range(100):
        try:
            socket.create_connection(('127.0.0.1', port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, f'http://127.0.0.1:{port}', account, secret


def axe_path():
    """axe-core's script: AXE_JS, or installed once with npm into a cache directory."""
    given = os.environ.get('AXE_JS')
    if given:
        return given
    prefix = os.path.join(os.environ.get('TMPDIR', '/tmp'), 'og-axe')
    path = os.path.join(prefix, 'node_modules', 'axe-core', 'axe.min.js')
    if not os.path.exists(path):
        subprocess.run(['npm', 'install', '--silent', '--no-audit', '--no-fund', '--prefix', prefix, 'axe-core@4'],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def axe_check(page, axe_js, name, seen=None):
    """Runs axe-core on the page (its context needs bypass_csp=True) and checks it finds no
    violation; `seen` collects (rules passed, violation ids) by name."""
    if not page.evaluate('typeof axe !== "undefined"'):
        page.add_script_tag(path=axe_js)
    r = page.evaluate("""async () => {
        const r = await axe.run(document);
        return {passes: r.passes.length, violations: r.violations.map(v => ({id: v.id,
            impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))};
    }""")
    violations = r['violations']
    if seen is not None:
        seen[name] = (r['passes'], [v['id'] for v in violations])
    check(f'axe-core finds no violations on {name}', r['passes'] > 0 and not violations,
          '; '.join(f"{v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in violations)
          or 'axe ran no rule')
