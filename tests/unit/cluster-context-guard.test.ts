import { describe, expect, it } from 'vitest';
import { judgeContext, originOf, serverHost } from '../../electron/core/cluster/context-guard';

const local = (name: string, server: string) => judgeContext({ name, server }).local;

describe('context guard: loopback servers are local whatever the name', () => {
  it.each([
    'https://127.0.0.1:6443',
    'https://127.0.0.53:443',
    'https://127.1:6443', // the URL parser canonicalises short forms
    'https://0x7f.0.0.1:6443',
    'https://2130706433:6443',
    'https://[::1]:6443',
    'https://[0:0:0:0:0:0:0:1]:6443',
    'https://[::ffff:127.0.0.1]:6443', // IPv4-mapped loopback
    'https://[::ffff:7f00:1]:6443',
    'https://localhost:6443',
    'https://LOCALHOST:6443',
    'https://0.0.0.0:37000', // k3d writes this; connecting to it reaches this machine
    'https://kubernetes.docker.internal:6443', // Docker Desktop, from the hosts file
    'http://127.0.0.1:8080',
  ])('%s is local', (server) => {
    expect(local('anything', server)).toBe(true);
  });
});

describe('context guard: names and other machines are remote', () => {
  it.each([
    'https://127.0.0.1.nip.io:6443', // a name: public DNS answers for it
    'https://localhost.evil.com:6443',
    'https://localhost.:6443', // a fully qualified name goes to DNS
    'https://evil.localhost.com',
    'https://127.0.0.1@evil.com:6443', // userinfo, the host is evil.com
    'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
    'https://35.1.2.3',
    'https://10.0.0.5:6443',
    'https://[::ffff:10.0.0.5]:6443', // IPv4-mapped, not loopback
    'https://[2001:db8::1]:6443',
    'https://[fe80::1]:6443',
    'https://kind-control-plane:6443', // a container name: only Docker's DNS knows it
    'unix:///var/run/k8s.sock',
    'not a url',
    '',
  ])('%s is remote', (server) => {
    expect(local('kind-dockside', server)).toBe(false);
  });
});

describe('context guard: a VM address is local only for the tool that owns that subnet', () => {
  it('minikube on its docker network', () => {
    expect(judgeContext({ name: 'minikube', server: 'https://192.168.49.2:8443' })).toEqual({
      local: true,
      origin: 'minikube',
      reason: 'its server 192.168.49.2 is the local minikube VM',
    });
  });
  it('the same address under another name is a machine on the LAN', () => {
    expect(local('staging', 'https://192.168.49.2:8443')).toBe(false);
    expect(local('kind-prod', 'https://192.168.49.2:8443')).toBe(false);
  });
  it('Colima, Lima, Rancher Desktop, Docker Desktop and OrbStack VMs', () => {
    expect(local('colima', 'https://192.168.5.15:6443')).toBe(true);
    expect(local('colima-work', 'https://192.168.106.2:6443')).toBe(true);
    expect(local('lima-k8s', 'https://192.168.105.3:6443')).toBe(true);
    expect(local('rancher-desktop', 'https://192.168.5.15:6443')).toBe(true);
    expect(local('docker-desktop', 'https://192.168.65.3:6443')).toBe(true);
    expect(local('orbstack', 'https://198.19.249.2:26443')).toBe(true);
    expect(local('colima', 'https://[::ffff:192.168.5.15]:6443')).toBe(true);
  });
  it('a tool name does not stretch to another subnet', () => {
    expect(local('colima', 'https://192.168.65.3:6443')).toBe(false);
    expect(local('docker-desktop', 'https://192.168.5.15:6443')).toBe(false);
    expect(local('minikube', 'https://10.0.0.5:8443')).toBe(false);
  });
  it('the name alone never makes a context local', () => {
    const judged = judgeContext({ name: 'kind-prod', server: 'https://10.0.0.5:6443' });
    expect(judged).toEqual({ local: false, origin: 'kind', reason: 'its server 10.0.0.5 is another machine' });
    expect(judgeContext({ name: 'docker-desktop', server: 'https://k8s.example.com' }).reason).toBe(
      'its server k8s.example.com is a name Dockside would have to look up',
    );
  });
});

describe('context origin', () => {
  it.each([
    ['kind-dockside', 'kind'],
    ['k3d-demo', 'k3d'],
    ['colima', 'colima'],
    ['colima-work', 'colima'],
    ['docker-desktop', 'docker-desktop'],
    ['docker-for-desktop', 'docker-desktop'],
    ['orbstack', 'orbstack'],
    ['rancher-desktop', 'rancher-desktop'],
    ['minikube', 'minikube'],
    ['kind', null],
    ['kind-', null],
    ['my-kind-cluster', null],
    ['arn:aws:eks:eu-west-1:1234:cluster/prod', null],
    ['gke_project_zone_prod', null],
  ])('%s -> %s', (name, origin) => {
    expect(originOf(name)).toBe(origin);
  });
  it('serverHost refuses what is not http(s)', () => {
    expect(serverHost('ftp://127.0.0.1')).toBeNull();
    expect(serverHost('https://[::1]:1')).toBe('::1');
  });
});
