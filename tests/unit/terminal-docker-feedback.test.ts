import { describe, expect, it } from 'vitest';
import { dockerSubcommand, explainFailedDockerCommand } from '../../electron/core/terminal/docker-feedback';

describe('failed docker command feedback', () => {
  it('names the subcommand, skipping env assignments, sudo and global flags', () => {
    expect(dockerSubcommand('docker run -d busybox')).toBe('docker run');
    expect(dockerSubcommand('sudo DOCKER_BUILDKIT=1 /usr/bin/docker --context x -D build .')).toBe('docker build');
    expect(dockerSubcommand('docker container rm -f web')).toBe('docker container rm');
    expect(dockerSubcommand('docker compose up -d')).toBe('docker compose up');
    expect(dockerSubcommand('docker')).toBe('docker');
    expect(dockerSubcommand('dockerd --debug')).toBeNull();
    expect(dockerSubcommand('echo docker run')).toBeNull();
  });

  it('explains a name conflict the way the step should say it', () => {
    const output =
      '\x1b[31mdocker: Error response from daemon: Conflict. The container name "/web" is already in use by container "4f1c". You have to remove (or rename) that container to be able to reuse that name.\x1b[0m\r\nSee \'docker run --help\'.\r\n';
    expect(explainFailedDockerCommand('docker run -d --name web busybox httpd -f', 125, output)).toBe(
      '`docker run` exited 125: the name web is already in use',
    );
  });

  it('explains a taken port, a missing container and an unreachable engine', () => {
    expect(
      explainFailedDockerCommand(
        'docker run -p 8080:80 busybox',
        125,
        'docker: Error response from daemon: driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:8080 failed: port is already allocated.',
      ),
    ).toBe('`docker run` exited 125: port 8080 on your machine is already taken by another container');
    expect(explainFailedDockerCommand('docker stop nope', 1, 'Error response from daemon: No such container: nope\r\n')).toBe(
      '`docker stop` exited 1: there is no container nope',
    );
    expect(
      explainFailedDockerCommand(
        'docker ps',
        1,
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      ),
    ).toBe('`docker ps` exited 1: the engine at unix:///var/run/docker.sock is not answering');
  });

  it('falls back to the last error line, or to the exit code alone', () => {
    expect(explainFailedDockerCommand('docker volume create', 1, 'Error response from daemon: something odd happened.\r\n')).toBe(
      '`docker volume create` exited 1: something odd happened',
    );
    expect(explainFailedDockerCommand('docker inspect x', 1, '[]\r\n')).toBe('`docker inspect` exited 1');
  });

  it('says nothing for success, Ctrl-C, or a command that is not docker', () => {
    expect(explainFailedDockerCommand('docker ps', 0, '')).toBeNull();
    expect(explainFailedDockerCommand('docker logs -f web', 130, '^C')).toBeNull();
    expect(explainFailedDockerCommand('ls /nope', 2, 'No such file')).toBeNull();
    expect(explainFailedDockerCommand('docker ps', null, '')).toBeNull();
  });
});
