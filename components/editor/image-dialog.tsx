'use client';

import { useState, type FormEvent } from 'react';
import { IMAGE_SCHEME_MESSAGE, isSafeImageSrc } from '@/lib/content/safe-urls';
import { EditorDialog } from './editor-dialog';

export type FigureAttributes = { src: string; alt: string; caption: string };

/** An image by its address, with the alt text readers of screen readers hear and a caption. */
export function ImageDialog({
  isOpen,
  initial,
  onApply,
  onClose,
  returnFocus,
}: {
  isOpen: boolean;
  initial: FigureAttributes;
  onApply: (figure: FigureAttributes) => void;
  onClose: () => void;
  returnFocus: () => void;
}) {
  return (
    <EditorDialog title="Image" isOpen={isOpen} onClose={onClose} returnFocus={returnFocus}>
      <ImageForm initial={initial} onApply={onApply} onClose={onClose} />
    </EditorDialog>
  );
}

function ImageForm({
  initial,
  onApply,
  onClose,
}: {
  initial: FigureAttributes;
  onApply: (figure: FigureAttributes) => void;
  onClose: () => void;
}) {
  const [figure, setFigure] = useState(initial);
  const [errors, setErrors] = useState<{ src?: string; alt?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = { src: figure.src.trim(), alt: figure.alt.trim(), caption: figure.caption.trim() };
    const problems: typeof errors = {};
    if (!isSafeImageSrc(next.src)) problems.src = IMAGE_SCHEME_MESSAGE;
    if (next.alt === '') problems.alt = 'Describe the image for readers who cannot see it.';
    setErrors(problems);
    if (Object.keys(problems).length === 0) onApply(next);
  }

  const field = (name: keyof FigureAttributes) => ({
    value: figure[name],
    onChange: (event: { target: { value: string } }) => setFigure({ ...figure, [name]: event.target.value }),
  });

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <div className="field">
        <label htmlFor="image-src">Image address</label>
        <input
          id="image-src"
          {...field('src')}
          placeholder="https://"
          autoFocus
          aria-invalid={errors.src ? true : undefined}
          aria-describedby={errors.src ? 'image-src-error' : undefined}
        />
        {errors.src && (
          <p id="image-src-error" className="field-error">
            {errors.src}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="image-alt">Alt text</label>
        <input
          id="image-alt"
          {...field('alt')}
          maxLength={500}
          aria-invalid={errors.alt ? true : undefined}
          aria-describedby={errors.alt ? 'image-alt-error' : undefined}
        />
        {errors.alt && (
          <p id="image-alt-error" className="field-error">
            {errors.alt}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="image-caption">Caption</label>
        <textarea id="image-caption" {...field('caption')} rows={2} maxLength={1000} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          {initial.src ? 'Update image' : 'Insert image'}
        </button>
      </div>
    </form>
  );
}
