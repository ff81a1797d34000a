/**
 * Whether xterm should draw with WebGL. Only on a real GPU: a software WebGL (SwiftShader,
 * llvmpipe — what Chromium falls back to without a usable GPU) draws terminals several times
 * slower than xterm's DOM renderer (measured here: ~4 MB/s against ~6 to 15 MB/s).
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

let cached: boolean | null = null;

export function hardwareWebgl(): boolean {
  if (cached !== null) return cached;
  cached = false;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return cached;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    cached = !SOFTWARE.test(renderer);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    cached = false;
  }
  return cached;
}
