#!/usr/bin/env python3
"""startup.py — time to first frame and peak memory of declic.

Runs declic in a pseudo-terminal (80x24) with DECLIC_EXIT_AFTER_FIRST_FRAME=1,
which leaves right after the first frame is drawn, N times per case; prints the
median and worst wall time and the peak resident memory (ru_maxrss).
With strace installed, also lists the content files opened before the first
frame (only the chosen lesson and its cast/backdrops should appear).
Usage: startup.py DECLIC CONTENT_DIR [RUNS]
"""
import os, pty, shutil, statistics, subprocess, sys, tempfile, time

def run_once(argv, env):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    out = b''
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - t0
    os.close(fd)
    if status != 0:
        sys.exit(f"declic failed ({status}): {out[-300:]!r}")
    return elapsed, usage.ru_maxrss

def main():
    declic, content = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    env = dict(os.environ, TERM='xterm', LANG='C.UTF-8', LANGUAGE='',
               DECLIC_EXIT_AFTER_FIRST_FRAME='1', COLUMNS='80', LINES='24')
    lesson = os.path.join(content, 'fr', 'donnees', 'pseudo.yaml')
    cases = [
        ('menu (declic play CONTENT)', [declic, '--no-anim', 'play', content]),
        ('lesson (declic play LESSON)', [declic, '--no-anim', 'play', lesson]),
    ]
    # The kiosk opening a database that holds 5000 answers (quick_check
    # included), when the build has the store's test tool to fill one.
    tool = os.path.join(os.path.dirname(declic), 'tests', 'store', 'storetool')
    tmp = tempfile.mkdtemp(prefix='declic-bench-')
    if os.access(tool, os.X_OK):
        db = os.path.join(tmp, 'progress.db')
        subprocess.run([tool, 'write', db, 'Zoé', '5000'], check=True, capture_output=True)
        cases.append(('kiosk (declic --db, 5000 answers)',
                      [declic, '--no-anim', '--db', db, '--content', content]))
    print(f"{'case':32} {'median ms':>10} {'worst ms':>10} {'peak RSS KiB':>13}")
    for name, argv in cases:
        times, rss = [], 0
        for _ in range(runs):
            t, r = run_once(argv, env)
            times.append(t * 1000)
            rss = max(rss, r)
        print(f"{name:32} {statistics.median(times):10.2f} {max(times):10.2f} {rss:13d}")
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(content) for f in fs
               if f.endswith('.yaml'))
    print(f"bundled content: {size} bytes of YAML; runs per case: {runs}")
    if shutil.which('strace'):
        for name, argv in cases:
            r = subprocess.run(['strace', '-f', '-e', 'trace=openat', '-o', '/dev/stdout',
                                'script', '-qec', ' '.join(argv), '/dev/null'],
                               env=env, capture_output=True, text=True)
            opened = sorted({l.split('"')[1] for l in r.stdout.splitlines()
                             if '.yaml"' in l and 'ENOENT' not in l})
            print(f"YAML files opened before the first frame, {name}:")
            for f in opened:
                print("   ", os.path.relpath(f, content))
    else:
        print("(install strace to list the files opened before the first frame)")
    shutil.rmtree(tmp, ignore_errors=True)

if __name__ == '__main__':
    main()
