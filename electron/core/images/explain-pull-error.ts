/**
 * Say why an image could not be pulled, in words a learner can act on. The engine's own error
 * text is kept at the end, because it is what a search engine or a colleague recognises.
 */

export function explainPullError(ref: string, engineMessage: string): string {
  const missing = `\`${ref}\` is not on this engine and could not be pulled`;
  const loadFromFile = `or, on a machine that has it, run \`docker save ${ref} -o image.tar\`, copy the file here and \`docker load -i image.tar\``;
  const registry = registryOf(engineMessage) ?? registryOfRef(ref);
  const quoted = `(the engine said: ${engineMessage.trim()})`;

  if (
    /no such host|server misbehaving|Temporary failure in name resolution|dial tcp|connection refused|network is unreachable|i\/o timeout|TLS handshake timeout|request canceled while waiting|context deadline exceeded/i.test(
      engineMessage,
    )
  ) {
    return `${missing}: the registry ${registry} cannot be reached from the engine — no network, or a proxy in the way. Connect to the internet and press Retry, ${loadFromFile}. ${quoted}`;
  }
  if (/manifest unknown|not found|repository does not exist|pull access denied/i.test(engineMessage)) {
    return `${missing}: the registry ${registry} has no image by that name and tag (or it is private). Check the name and tag; if it is private, run \`docker login\` first. ${quoted}`;
  }
  if (/toomanyrequests|rate limit/i.test(engineMessage)) {
    return `${missing}: the registry ${registry} refused because of its pull rate limit. Wait a while, or \`docker login\` to get a higher limit, then press Retry. ${quoted}`;
  }
  if (/unauthorized|authentication required|denied/i.test(engineMessage)) {
    return `${missing}: the registry ${registry} wants you to log in. Run \`docker login\` and press Retry. ${quoted}`;
  }
  if (/no space left on device/i.test(engineMessage)) {
    return `${missing}: the engine's disk is full. Free space with \`docker system prune\` (it asks before removing anything), then press Retry. ${quoted}`;
  }
  if (/invalid reference format/i.test(engineMessage)) {
    return `\`${ref}\` is not a valid image name, so it cannot be pulled; the lesson needs fixing. ${quoted}`;
  }
  return `${missing}. Press Retry, ${loadFromFile}. ${quoted}`;
}

function registryOf(message: string): string | null {
  const match = /https?:\/\/([^/"\s]+)\//.exec(message) ?? /dial tcp:? (?:lookup )?([^\s:]+(?::\d+)?)/.exec(message);
  return match ? match[1]! : null;
}

/** The registry a reference names, as the docker CLI reads it: a first part with a dot or a port, or Docker Hub. */
function registryOfRef(ref: string): string {
  const slash = ref.indexOf('/');
  if (slash === -1) return 'Docker Hub';
  const first = ref.slice(0, slash);
  return /[.:]/.test(first) || first === 'localhost' ? first : 'Docker Hub';
}
