/**
 * App settings the learner changes in the UI and expects to find again: the chosen engine
 * endpoint, the split size, the theme. One JSON file in the data directory.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { settingsFields, type Settings } from '../contract';
import { JsonFileWriter, readJsonFile } from '../util/json-file';
import { Listeners } from '../util/listeners';

const settingsSchema = z
  .object({
    chosenEndpoint: settingsFields.chosenEndpoint.default(null),
    theme: settingsFields.theme.default('system'),
    terminalSplit: settingsFields.terminalSplit.default(0.45),
    kubeContextChoices: settingsFields.kubeContextChoices.default({}),
  })
  .strip();

export const defaultSettings: Settings = settingsSchema.parse({});

export class SettingsStore {
  private value: Settings;
  private readonly writer: JsonFileWriter;
  private readonly changed = new Listeners<Settings>();
  /** Set when the settings file was corrupt and moved aside at start. */
  readonly notice: string | null;

  constructor(dataDir: string) {
    const path = join(dataDir, 'settings.json');
    this.writer = new JsonFileWriter(path);
    const outcome = readJsonFile(path, (raw) => settingsSchema.parse(raw));
    if (outcome.kind === 'ok') {
      this.value = outcome.value;
      this.notice = null;
    } else {
      this.value = { ...defaultSettings };
      this.notice =
        outcome.kind === 'corrupt'
          ? `Your settings file could not be read (${outcome.reason}); it was kept at ${outcome.movedTo} and defaults are in use.`
          : null;
    }
  }

  get(): Settings {
    return this.value;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    this.value = settingsSchema.parse({ ...this.value, ...patch });
    this.changed.emit(this.value);
    await this.writer.save(this.value);
    return this.value;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    return this.changed.add(listener);
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }
}
