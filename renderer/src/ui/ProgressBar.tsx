/** A thin progress bar with its value exposed to assistive technology. */
import './ui.css';

interface ProgressBarProps {
  /** 0 to 1. */
  value: number;
  label: string;
  tone?: 'accent' | 'ok' | 'bad';
  size?: 'thin' | 'normal';
}

export function ProgressBar({ value, label, tone = 'accent', size = 'normal' }: ProgressBarProps) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div
      className={`progress progress-${size} progress-${tone}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
