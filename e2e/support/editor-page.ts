import { expect, type Locator, type Page } from '@playwright/test';

/** The studio editor, as a person sees it: by roles and labels. */
export class EditorPage {
  readonly headline: Locator;
  readonly standfirst: Locator;
  readonly body: Locator;
  readonly slug: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.headline = page.getByLabel('Headline');
    this.standfirst = page.getByLabel('Standfirst');
    this.body = page.getByRole('textbox', { name: 'Article body' });
    this.slug = page.getByLabel('Slug');
    this.saveStatus = page.locator('.save-status');
  }

  /** Creates a draft through the "New article" form and opens it. Returns its id. */
  static async createDraft(page: Page, headline: string): Promise<{ editor: EditorPage; id: number }> {
    await page.goto('/studio/articles/new');
    await page.getByLabel('Headline').fill(headline);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/studio\/articles\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const editor = new EditorPage(page);
    await editor.waitUntilReady();
    return { editor, id };
  }

  async open(id: number): Promise<void> {
    await this.page.goto(`/studio/articles/${id}`);
    await this.waitUntilReady();
  }

  /** Until the editor is writable: this tab holds the article's edit lease. */
  async waitUntilReady(): Promise<void> {
    await expect(this.page.locator('.ProseMirror[contenteditable="true"]')).toBeVisible();
  }

  /** For a page that is read-only for this person, or while someone else edits. */
  async waitUntilShown(): Promise<void> {
    await expect(this.page.locator('.ProseMirror')).toBeVisible();
  }

  /** Replaces the body with paragraphs typed as a person types them. */
  async typeBody(...paragraphs: string[]): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    for (const [index, paragraph] of paragraphs.entries()) {
      if (index > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(paragraph);
    }
  }

  /** The text selected in the editor's own state (Tiptap hangs the editor on its element). */
  async selectedText(): Promise<string> {
    return this.page.evaluate(() => {
      const view = document.querySelector('.ProseMirror') as (Element & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } } } }) | null;
      const state = view?.editor?.state;
      return state ? state.doc.textBetween(state.selection.from, state.selection.to) : '';
    });
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }

  /**
   * Answers the publish dialog and publishes: the reason for claims without a source,
   * when the article has some, and the notice for readers, when republishing with one.
   */
  async confirmPublish({ reason, notice }: { reason?: string; notice?: { kind: string; text: string } } = {}): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    if (reason !== undefined) await dialog.getByLabel('Reason to publish without sources').fill(reason);
    if (notice) {
      await dialog.getByLabel('Notice', { exact: true }).selectOption({ label: notice.kind });
      await dialog.getByLabel('Notice text').fill(notice.text);
    }
    await dialog.getByRole('button', { name: 'Publish now' }).click();
  }

  button(name: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.page.getByRole('button', { name, ...options });
  }

  async fillStandfirst(text: string): Promise<void> {
    await this.standfirst.fill(text);
  }
}
