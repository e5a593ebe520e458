/** What the bench pages wait for: the view's DOM, as a reader would see it. */

/** Resolves once `done()` holds, checked after each change to the document, then laid out. */
export function until(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!done()) return false;
      void document.body.offsetHeight; // layout, as the reader would wait for it
      resolve();
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}
