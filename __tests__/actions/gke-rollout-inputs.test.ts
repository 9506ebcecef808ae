import { parseImages } from '../../src/actions/gke-rollout/inputs.js';

const A = 'europe-docker.pkg.dev/p/aura/visual-analysis@sha256:' + 'a'.repeat(64);
const B = 'europe-docker.pkg.dev/p/aura/outfit-recommendation:1.2.0';

describe("gke-rollout's images input", () => {
  it('takes service=image lines, a JSON object, or bare references', () => {
    expect(parseImages(`visual-analysis=${A}\n# comment\noutfit-recommendation = ${B}`)).toEqual({
      byService: new Map([
        ['visual-analysis', A],
        ['outfit-recommendation', B],
      ]),
      unnamed: [],
    });
    expect(parseImages(JSON.stringify({ 'visual-analysis': A })).byService.get('visual-analysis')).toBe(A);
    expect(parseImages(JSON.stringify([A, B]))).toEqual({ byService: new Map(), unnamed: [A, B] });
    expect(parseImages(`${A}, ${B}`).unnamed).toEqual([A, B]);
    expect(parseImages('')).toEqual({ byService: new Map(), unnamed: [] });
  });

  it.each([
    ['{"visual-analysis": 3}', "the image of service 'visual-analysis' must be a non-empty string"],
    ['{not json', "input 'images' is not valid JSON"],
    ['[1, 2]', "input 'images' must be a JSON array of image references"],
    ['visual-analysis=not an image', "'not an image' is not an image reference"],
  ])('refuses %s', (raw, message) => {
    expect(() => parseImages(raw)).toThrow(message);
  });
});
