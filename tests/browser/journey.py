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


def check(name, condition, detail=''):
    results.append((name, bool(condition)))
    print(('ok   ' if condition else 'FAIL ') + name + ('' if condition else ': ' + str(detail)))


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def gateway_env(port, **extra):
    """The environment of the gateway on `port` and of CLI commands on its database."""
    env = dict(os.environ, GATEWAY_LISTEN=f'127.0.0.1:{port}', GATEWAY_PUBLIC_URL=f'http://127.0.0.1:{port}',
               GATEWAY_ALLOW_PRIVATE_TARGETS='true', RUST_LOG='warn', **extra)
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
