/**
 * The languages lesson code is highlighted in: what a Docker and Kubernetes course shows
 * (Dockerfiles, Compose and manifests in YAML, JSON from `docker inspect`, config files, the
 * usual application languages). A short list keeps the bundle small; anything else is shown plain.
 */
import bash from 'highlight.js/lib/languages/bash';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import makefile from 'highlight.js/lib/languages/makefile';
import nginx from 'highlight.js/lib/languages/nginx';
import plaintext from 'highlight.js/lib/languages/plaintext';
import properties from 'highlight.js/lib/languages/properties';
import python from 'highlight.js/lib/languages/python';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

export const highlightLanguages = {
  bash,
  diff,
  dockerfile,
  go,
  ini,
  javascript,
  json,
  makefile,
  nginx,
  plaintext,
  properties,
  python,
  shell,
  sql,
  typescript,
  xml,
  yaml,
};

/** Fence names lessons may use for these languages, beyond the ones highlight.js knows itself. */
export const highlightAliases = {
  dockerfile: ['Dockerfile', 'docker'],
  plaintext: ['text', 'txt', 'console-output'],
  yaml: ['yml', 'compose'],
  ini: ['toml', 'env', 'conf'],
};
