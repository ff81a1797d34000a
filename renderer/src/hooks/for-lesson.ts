/** The run (or its objects) only when it belongs to this lesson: another lesson's run is not this page's. */
export function forLesson<T extends { lessonId: string }>(value: T | null | undefined, lessonId: string | null): T | null {
  return value && value.lessonId === lessonId ? value : null;
}
