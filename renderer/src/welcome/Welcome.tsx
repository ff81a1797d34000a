/**
 * The first screen: Dockside looks for the engine and says what it found. With an engine, the
 * way in — the lesson to continue or the first one — and the lessons' images fetched ahead
 * with the engine's progress. Without one, how to start an engine on this operating system;
 * the page turns by itself the moment an engine answers.
 */
import type { EngineStatus, LessonCatalog, LessonProgress } from '@contract';
import { useMemo, useState } from 'react';
import { hrefOf } from '../app/route';
import { standingOf } from '../catalog/lesson-progress';
import { useImagePrefetch } from '../hooks/useImagePrefetch';
import { ImagePullList } from '../images/ImagePullList';
import { InlineCode } from '../ui/InlineCode';
import { CopyCommand } from './CopyCommand';
import { platformName, waysToStartAnEngine } from './engine-help';
import './welcome.css';

interface WelcomeProps {
  engine: EngineStatus;
  platform: string | null;
  catalog: LessonCatalog | undefined;
  progress: Map<string, LessonProgress>;
  doctorAvailable: boolean;
}

export function Welcome({ engine, platform, catalog, progress, doctorAvailable }: WelcomeProps) {
  return (
    <div className="welcome-scroll">
      <div className="welcome" data-testid="welcome" data-engine-state={engine.state}>
        <header className="welcome-hero">
          <Logo />
          <div>
            <h1>Welcome to Dockside</h1>
            <p>
              Learn Docker and Kubernetes by doing: each lesson sits beside a real terminal, and every step checks itself against
              your own engine or cluster the moment you act.
            </p>
          </div>
        </header>
        {engine.state === 'connected' && <Ready engine={engine} catalog={catalog} progress={progress} />}
        {engine.state === 'connecting' && (
          <section className="welcome-card" aria-live="polite">
            <h2 className="welcome-card-title">
              <span className="welcome-dot welcome-dot-wait" aria-hidden /> Looking for your Docker engine…
            </h2>
          </section>
        )}
        {engine.state === 'unreachable' && (
          <NoEngine engine={engine} platform={platform ?? 'linux'} doctorAvailable={doctorAvailable} />
        )}
      </div>
    </div>
  );
}

function Ready({
  engine,
  catalog,
  progress,
}: {
  engine: Extract<EngineStatus, { state: 'connected' }>;
  catalog: LessonCatalog | undefined;
  progress: Map<string, LessonProgress>;
}) {
  const lessons = useMemo(() => catalog?.lessons ?? [], [catalog]);
  const resume = lessons.find((l) => standingOf(l, progress.get(l.id)).state === 'in-progress');
  const firstNew = lessons.find((l) => standingOf(l, progress.get(l.id)).state === 'not-started');
  const target = resume ?? firstNew ?? lessons[0];
  const images = useMemo(() => [...new Set(lessons.flatMap((l) => l.images))].sort(), [lessons]);
  const [fetching, setFetching] = useState(false);
  const prefetch = useImagePrefetch(images, fetching);
  return (
    <>
      <section className="welcome-card welcome-found" data-testid="welcome-engine">
        <h2 className="welcome-card-title">
          <span className="welcome-dot welcome-dot-ok" aria-hidden /> Found {engine.info.product} {engine.info.engineVersion}
        </h2>
        <p className="welcome-detail">
          <code>{engine.endpoint.host}</code> · context <code>{engine.endpoint.context}</code> · {engine.info.os}
        </p>
        <p className="welcome-detail">
          Your terminal&apos;s <code>docker</code> talks to this same engine.
        </p>
      </section>
      {target && (
        <section className="welcome-card welcome-next">
          <div>
            <p className="welcome-eyebrow">{resume ? 'Pick up where you left off' : 'Start here'}</p>
            <h2 className="welcome-card-title">{target.title}</h2>
            <p className="welcome-detail">
              {target.summary} · {target.minutes} min
            </p>
          </div>
          <a
            className="button button-primary welcome-go"
            href={hrefOf({ name: 'lesson', lessonId: target.id })}
            data-testid="welcome-start"
          >
            {resume ? 'Continue' : 'Start the lesson'}
          </a>
        </section>
      )}
      {images.length > 0 && (
        <section className="welcome-card">
          <h2 className="welcome-card-title">Images the lessons use</h2>
          <p className="welcome-detail">
            Lessons fetch what they need when you open them. To learn offline later, get them all now: {images.join(', ')}.
          </p>
          {fetching ? (
            <ImagePullList pulls={prefetch.pulls} onRetry={prefetch.retry} />
          ) : (
            <button type="button" className="button" onClick={() => setFetching(true)} data-testid="welcome-prefetch">
              Get {images.length === 1 ? 'it' : `all ${images.length}`} now
            </button>
          )}
          {prefetch.error && <p className="welcome-problem">{prefetch.error}</p>}
        </section>
      )}
    </>
  );
}

function NoEngine({
  engine,
  platform,
  doctorAvailable,
}: {
  engine: Extract<EngineStatus, { state: 'unreachable' }>;
  platform: string;
  doctorAvailable: boolean;
}) {
  const ways = waysToStartAnEngine(platform);
  return (
    <>
      <section className="welcome-card welcome-missing" data-testid="welcome-no-engine" role="alert">
        <h2 className="welcome-card-title">
          <span className="welcome-dot welcome-dot-bad" aria-hidden /> No Docker engine answers yet
        </h2>
        <p className="welcome-detail">
          <InlineCode text={capitalise(engine.error)} />
        </p>
        {engine.tried.length > 0 && (
          <p className="welcome-detail">
            Looked at{' '}
            {engine.tried.map((t, i) => (
              <span key={t}>
                {i > 0 && ', '}
                <code>{t}</code>
              </span>
            ))}
            .
          </p>
        )}
        <p className="welcome-fix">
          <InlineCode text={engine.fix} />
        </p>
        <div className="welcome-missing-foot">
          <p className="welcome-waiting">
            <span className="welcome-spinner" aria-hidden /> Dockside keeps looking: this page moves on by itself as soon as an
            engine answers.
          </p>
          {doctorAvailable && (
            <a className="button" href={hrefOf({ name: 'doctor' })} data-testid="welcome-doctor">
              Open the environment doctor
            </a>
          )}
        </div>
      </section>
      <section className="welcome-card" aria-labelledby="ways-title">
        <h2 id="ways-title" className="welcome-card-title">
          Start an engine on {platformName(platform)}
        </h2>
        <ol className="engine-ways">
          {ways.map((way) => (
            <li key={way.name} className="engine-way">
              <h3>{way.name}</h3>
              <p>
                <InlineCode text={way.when} />
              </p>
              {way.commands.map((command) => (
                <CopyCommand key={command} command={command} />
              ))}
              {way.note && (
                <p className="engine-way-note">
                  <InlineCode text={way.note} />
                </p>
              )}
            </li>
          ))}
        </ol>
        <p className="welcome-detail">
          Using another engine, a remote host or a docker context? Dockside finds it the way the <code>docker</code> command does:{' '}
          <code>DOCKER_HOST</code>, then <code>DOCKER_CONTEXT</code>, then the current context.
          {doctorAvailable && (
            <>
              {' '}
              <a href={hrefOf({ name: 'doctor' })}>The environment doctor</a> lists every engine on this machine and lets you pick
              one.
            </>
          )}
        </p>
      </section>
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function Logo() {
  return (
    <svg className="welcome-logo" width="56" height="56" viewBox="0 0 56 56" aria-hidden>
      <rect x="2" y="2" width="52" height="52" rx="14" fill="var(--accent)" />
      <path d="M12 34h32c-1.6 6.5-7.6 11-16 11s-14.4-4.5-16-11z" fill="var(--on-accent)" opacity="0.95" />
      <rect x="16" y="25" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.8" />
      <rect x="24.5" y="25" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.8" />
      <rect x="33" y="25" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.8" />
      <rect x="24.5" y="16.5" width="7" height="7" rx="1.5" fill="var(--on-accent)" opacity="0.65" />
    </svg>
  );
}
