#!/usr/bin/env python3
"""Runs or checks every code example in the docs, so none can rot.

- Swift blocks (after their `import` lines) must be examples that a test compiles and runs: each must appear verbatim between
  `// <name> begin` and `// <name> end` markers in Tests/ (DocumentedExample checks the other direction).
  The package-manifest fragment in Getting started is loaded by `swift package dump-package`.
- Bash blocks run, per page, as one script in a scratch folder holding the demo district, with the built
  `smallwins` first on PATH and `swift run smallwins` meaning that binary. CSV blocks become the file the
  text names just before them. Python blocks run with pandas, R blocks with Rscript.
- PostgreSQL.md runs against the throwaway server of Scripts/with-postgres.sh: its SQL as the superuser,
  its URLs with the host `db.district.org` replaced by the server's address and TLS off.
A few lines are not run here, each for the reason given in SKIPPED, nor the measurements of MEASUREMENT_PAGES.

    python3 Scripts/check-docs.py BIN_DIR      (inside Scripts/with-postgres.sh)
"""
import glob, os, re, shutil, signal, subprocess, sys, tempfile, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv[1])
SKIPPED = {
    "bash Scripts/test.sh": "this check is part of it",
    "bash Scripts/first-wins.sh": "Scripts/test.sh runs it first",
    "smallwins demo --serve": "it serves until stopped; CLIEndToEndTests runs it and signs in with the token it prints",
    "swift package --allow-writing-to-package-directory export-wins": "Scripts/test.sh runs the plugin",
    "Benchmarks": "benchmarks take minutes; CI builds and runs them separately",
    "coordinator.district.org": "a Citus coordinator, which CI has none of (CLIPostgresTests checks the refusal without one)",
}
# Pages whose shell examples are measurements: minutes long, on a 100,000-win database built for them.
MEASUREMENT_PAGES = {"Documentation/Performance.md"}
# The Python that has pandas: Debian's python3-pandas installs into /usr/bin/python3, which another python3
# (pyenv's, say) may shadow on PATH.
PANDAS_PYTHON = next((p for p in ["python3", "/usr/bin/python3"]
                      if subprocess.run([p, "-c", "import pandas"], capture_output=True).returncode == 0), "python3")
# Files the examples name as if the reader had them, made from the demo district.
FIXTURES = {"village-elementary.sqlite": "smallwins-demo/demo.sqlite"}
PRELUDE = """set -euo pipefail
swift() { if [ "${1:-}" = run ] && [ "${2:-}" = smallwins ]; then shift 2; smallwins "$@"; else command swift "$@"; fi; }
"""


def pages():
    return (["README.md"] + sorted(glob.glob("Documentation/*.md")) + sorted(glob.glob("Sources/*/*.docc/*.md")))


def blocks(text):
    return [(m.group(1), m.group(2), m.start()) for m in re.finditer(r"```(\w*)\n(.*?)```", text, re.S)]


def tested_snippets():
    snippets = []
    for path in glob.glob("Tests/**/*.swift", recursive=True):
        source = open(path, encoding="utf-8").read()
        for match in re.finditer(r"// (.+?) begin\n(.*?)\n[ \t]*// \1 end", source, re.S):
            lines = match.group(2).split("\n")
            indent = min(len(l) - len(l.lstrip(" ")) for l in lines if l.strip())
            snippets.append("\n".join(l[indent:] for l in lines))
    return snippets


def run(command, cwd, env, what):
    # Output goes to files, not pipes, and the command runs in a session of its own: a server an example started in
    # the background and stopped with `kill %1` may leave a child behind, which must neither hold the pipes open
    # nor outlive the example.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, text=True, start_new_session=True)
        returncode = process.wait()
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if returncode != 0:
        sys.exit(f"check-docs: {what} failed ({returncode}):\n{stdout[-3000:]}\n{stderr[-3000:]}")
    return stdout


def main():
    os.chdir(ROOT)
    snippets = tested_snippets()
    scratch = tempfile.mkdtemp(prefix="smallwins-docs-")
    env = dict(os.environ, PATH=BIN + os.pathsep + os.environ["PATH"])
    env.pop("SMALLWINS_DATABASE", None)
    demo = os.path.join(scratch, "demo-template")
    os.makedirs(demo)
    run(["smallwins", "demo"], demo, env, "building the demo")
    server = urllib.parse.urlparse(os.environ.get("SMALLWINS_TEST_POSTGRES_URL", ""))
    counts = {"swift": 0, "bash": 0, "python": 0, "r": 0, "sql": 0, "url": 0, "csv": 0, "skipped": 0}
    try:
        for page in pages():
            text = open(page, encoding="utf-8").read()
            folder = os.path.join(scratch, page.replace("/", "_"))
            shutil.copytree(demo, folder)
            for name, source in FIXTURES.items():
                for suffix in ["", "-wal", "-shm"]:
                    if os.path.exists(os.path.join(folder, source + suffix)):
                        shutil.copy(os.path.join(folder, source + suffix), os.path.join(folder, name + suffix))
            page_env = dict(env)
            script, later = [], []
            for language, body, position in blocks(text):
                if page.endswith("PostgreSQL.md"):
                    body = re.sub(r"db\.district\.org(:\d+)?", f"{server.hostname}:{server.port}", body).replace("sslmode=verify-full", "sslmode=disable")
                if language == "swift":
                    counts["swift"] += 1
                    if ".package(url:" in body:
                        manifest(body, scratch, env)
                    elif re.sub(r"\A(import \w+\n)+\n?", "", body).rstrip("\n") not in snippets:
                        sys.exit(f"check-docs: a Swift example in {page} is not one a test runs:\n{body}")
                elif language == "bash" and page in MEASUREMENT_PAGES:
                    counts["skipped"] += 1
                elif language == "bash":
                    commands = re.split(r"(?<!\\)\n", body)   # a command continued with a backslash stays whole
                    lines = [c for c in commands if not any(skip in c for skip in SKIPPED)]
                    script.append("\n".join(lines))
                    counts["bash"] += 1
                elif language == "csv":
                    names = re.findall(r"`([\w./-]+\.csv)`", text[:position])
                    open(os.path.join(folder, names[-1]), "w", encoding="utf-8").write(body)
                    counts["csv"] += 1
                elif language == "python":
                    later.append(([PANDAS_PYTHON, "-c", body], "a Python example"))
                    counts["python"] += 1
                elif language == "r":
                    later.append((["Rscript", "-e", body], "an R example"))
                    counts["r"] += 1
                elif language == "sql":
                    admin = dict(env, PGHOST=server.hostname, PGPORT=str(server.port), PGUSER="postgres", PGDATABASE="postgres")
                    for statement in body.strip().split(";"):
                        if statement.strip():
                            run(["psql", "-v", "ON_ERROR_STOP=1", "-c", statement], folder, admin, f"SQL in {page}")
                    page_env.update(PGHOST=server.hostname, PGPORT=str(server.port), PGUSER="postgres")
                    counts["sql"] += 1
                elif body.startswith("postgres://"):
                    run(["smallwins", "info", "--database", body.strip()], folder, page_env, f"the URL in {page}")
                    counts["url"] += 1
            if script:
                run(["bash", "-c", PRELUDE + "\n".join(script)], folder, page_env, f"the shell examples of {page}")
            for command, what in later:
                run(command, folder, page_env, f"{what} in {page}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("check-docs: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + " examples checked in " + str(len(pages())) + " pages")


def manifest(fragment, scratch, env):
    """Loads the manifest fragment of Getting started in a package that depends on this one by path."""
    package = os.path.join(scratch, "manifest-check")
    os.makedirs(os.path.join(package, "Sources", "MyApp"), exist_ok=True)
    open(os.path.join(package, "Sources", "MyApp", "main.swift"), "w").write("print(1)\n")
    lines = fragment.strip().split("\n")
    dependency = re.sub(r'\.package\(url: "[^"]+", from: "[^"]+"\)', f'.package(name: "SmallWins", path: "{ROOT}")', lines[0])
    target = "\n".join(l for l in lines[1:] if not l.strip().startswith("//"))
    open(os.path.join(package, "Package.swift"), "w").write(
        f"// swift-tools-version:6.0\nimport PackageDescription\n\nlet package = Package(\n    name: \"MyApp\",\n"
        f"    platforms: [.macOS(.v13)],\n    dependencies: [{dependency}],\n    targets: [\n{target.replace('.target(', '.executableTarget(')}\n    ]\n)\n")
    run(["swift", "package", "dump-package"], package, env, "the manifest example of Getting started")


if __name__ == "__main__":
    main()
