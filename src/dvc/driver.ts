/**
 * The Python side of a DVC session: runs DVC's own command-line entry point (`dvc.cli.main`, the
 * function the `dvc` executable calls) for several commands in one interpreter, so the cost of
 * starting Python and importing DVC is paid once per run instead of once per command. Each
 * command behaves and exits exactly as `dvc <argv>` would. Markers on both streams tell the
 * TypeScript side where each command's output begins and ends and how it exited.
 *
 * Input (stdin, JSON): { nonce, steps: [{ id, argv } | { id, kind: 'push-run-cache', remote, stages }] }
 * A step runs only when no earlier step failed, unless it is marked `always`; a step marked
 * `optional` does not count as a failure.
 */
export const DRIVER_SOURCE = String.raw`
import json, sys, time

plan = json.loads(sys.stdin.read())
NONCE = plan["nonce"]


def mark(*parts):
    text = "@@aura-dvc " + NONCE + " " + " ".join(str(part) for part in parts) + "\n"
    sys.stdout.flush()
    sys.stderr.flush()
    sys.stdout.write(text)
    sys.stdout.flush()
    sys.stderr.write(text)
    sys.stderr.flush()


try:
    import dvc
    from dvc.cli import main
except Exception as exc:  # noqa: BLE001
    mark("import-error", json.dumps(repr(exc)))
    sys.exit(3)

mark("version", dvc.__version__)


def push_run_cache(step):
    # dvc push --run-cache uploads every run-cache entry again (force) and never the objects of
    # outputs with cache: false (metrics kept in git), which a run-cache restore on another
    # machine needs: upload the entries the remote lacks and those objects.
    from dvc.repo import Repo
    from dvc.stage.cache import RunCacheNotSupported

    result = {"entries": 0, "objects": 0, "failed": 0}
    remote = step.get("remote") or None
    with Repo() as repo:
        try:
            odb = repo.cloud.get_remote_odb(remote, "push --run-cache", hash_name="md5-dos2unix")
        except Exception as exc:  # noqa: BLE001
            raise RunCacheNotSupported(str(exc)) from exc
        result["entries"] = len(repo.stage_cache.transfer(repo.cache.legacy, odb, force=False))
        wanted = set(step.get("stages") or [])
        objs = set()
        for stage in repo.index.stages:
            if wanted and stage.addressing not in wanted:
                continue
            for out in stage.outs:
                info = out.hash_info
                if out.use_cache or not info or not info.value:
                    continue
                if repo.cache.local.exists(info.value):
                    objs.add(info)
        if objs:
            transfer = repo.cloud.push(objs, remote=remote)
            result["objects"] = len(transfer.transferred)
            result["failed"] = len(transfer.failed)
    mark("result", step["id"], json.dumps(result))
    if result["failed"]:
        sys.stderr.write("ERROR: failed to push the run cache - %d files failed to upload\n" % result["failed"])
        return 1
    return 0


failed = False
for step in plan["steps"]:
    if failed and not step.get("always"):
        mark("skip", step["id"])
        continue
    mark("begin", step["id"])
    started = time.monotonic()
    try:
        if step.get("kind") == "push-run-cache":
            code = push_run_cache(step)
        else:
            code = main(step["argv"])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except Exception as exc:  # noqa: BLE001
        sys.stderr.write("ERROR: %s: %s\n" % (type(exc).__name__, exc))
        code = 1 if step.get("kind") == "push-run-cache" else 255
    mark("end", step["id"], code, "%.3f" % (time.monotonic() - started))
    if code != 0 and not step.get("optional"):
        failed = True
`;

/** Reads an installed DVC's version and plugins without importing DVC. */
export const PROBE_SOURCE = String.raw`
import json
import importlib.metadata as metadata


def version(name):
    try:
        return metadata.version(name)
    except Exception:  # noqa: BLE001
        return None


plugins = {}
for dist in metadata.distributions():
    name = (dist.metadata["Name"] or "").lower().replace("_", "-")
    if name.startswith("dvc-"):
        plugins[name[4:]] = dist.version
print(json.dumps({"dvc": version("dvc"), "plugins": plugins}))
`;
