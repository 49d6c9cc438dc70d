/** A hand-driven IntersectionObserver for happy-dom, which never computes layout. */
export class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly targets = new Set<Element>();

  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.instances.push(this);
  }

  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }

  /** Reports `target` as `ratio` visible in a 800 px high window (`height`: the element's height). */
  report(target: Element, ratio: number, height = 200) {
    const visibleHeight = ratio * height;
    const entry = {
      target,
      isIntersecting: ratio > 0,
      intersectionRatio: ratio,
      intersectionRect: { height: visibleHeight } as DOMRectReadOnly,
      rootBounds: { height: 800 } as DOMRectReadOnly,
    } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }

  static latest(): FakeIntersectionObserver {
    const last = FakeIntersectionObserver.instances.at(-1);
    if (!last) throw new Error('No IntersectionObserver created');
    return last;
  }
}
