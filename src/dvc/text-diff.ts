/**
 * A unified diff of two texts (Myers' algorithm), in the form `git apply` and `patch -p1` take:
 * the job summary shows the dvc.lock a run wrote as a patch the author can apply and commit.
 */

type Edit = { op: ' ' | '-' | '+'; line: string };

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the edit script.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ op: ' ', line: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) edits.push({ op: '+', line: b[--y]! });
    else edits.push({ op: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    edits.push({ op: ' ', line: a[--x]! });
    y--;
  }
  return edits.reverse();
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * `git apply`-ready unified diff; empty when the texts are equal. An absent file is `undefined`.
 * Texts are taken as newline-terminated, as DVC writes dvc.lock.
 */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const edits = myers(a, b);
  const header = [
    `diff --git a/${path} b/${path}`,
    ...(before === undefined ? ['new file mode 100644'] : after === undefined ? ['deleted file mode 100644'] : []),
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`,
  ];
  const hunks: string[] = [];
  let index = 0;
  let lineA = 1;
  let lineB = 1;
  const positions = edits.map((edit) => {
    const at = { a: lineA, b: lineB };
    if (edit.op !== '+') lineA++;
    if (edit.op !== '-') lineB++;
    return at;
  });
  while (index < edits.length) {
    while (index < edits.length && edits[index]!.op === ' ') index++;
    if (index >= edits.length) break;
    const start = Math.max(0, index - context);
    let end = index;
    let lastChange = index;
    while (end < edits.length) {
      if (edits[end]!.op !== ' ') lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(edits.length, lastChange + context + 1);
    const slice = edits.slice(start, end);
    const countA = slice.filter((e) => e.op !== '+').length;
    const countB = slice.filter((e) => e.op !== '-').length;
    const startA = countA === 0 ? positions[start]!.a - 1 : positions[start]!.a;
    const startB = countB === 0 ? positions[start]!.b - 1 : positions[start]!.b;
    hunks.push(`@@ -${startA},${countA} +${startB},${countB} @@`, ...slice.map((e) => `${e.op}${e.line}`));
    index = end;
  }
  return `${[...header, ...hunks].join('\n')}\n`;
}
