import { Button, TextField, cx, focusRing } from '@nexus/ui';
import { MAX_ALT, MAX_IMAGES, type ImageDraft, type ImageErrors } from './productImages';

/** Props of {@link ImagesEditor}. */
export interface ImagesEditorProps {
  images: ImageDraft[];
  errors: ImageErrors;
  onChange: (images: ImageDraft[]) => void;
}

/**
 * The product's images in display order: an address and an alt text each, one shown first (a radio group, so
 * exactly one is), add and remove. The files live elsewhere (absolute http or https addresses), as ImageInput says.
 */
export function ImagesEditor({ images, errors, onChange }: ImagesEditorProps) {
  const set = (i: number, patch: Partial<ImageDraft>) => onChange(images.map((im, j) => (j === i ? { ...im, ...patch } : patch.isPrimary ? { ...im, isPrimary: false } : im)));
  const primary = Math.max(0, images.findIndex((im) => im.isPrimary));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Images</legend>
      {images.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No images: the storefront shows a placeholder.</p> : null}
      {images.map((im, i) => (
        <div key={i} className="flex flex-wrap items-start gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
          <TextField label={`Image ${i + 1} address`} type="url" inputMode="url" className="min-w-64 flex-[2]" value={im.url} error={errors[i]?.url} onChange={(e) => set(i, { url: e.target.value })} />
          <TextField label={`Image ${i + 1} alt text`} hint="What the image shows, for screen readers" maxLength={MAX_ALT} className="min-w-48 flex-1" value={im.alt} error={errors[i]?.alt} onChange={(e) => set(i, { alt: e.target.value })} />
          <div className="flex items-center gap-3 pt-7">
            <label className="flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
              <input type="radio" name="primary-image" className={cx('h-4 w-4 accent-indigo-600', focusRing)} checked={i === primary} onChange={() => set(i, { isPrimary: true })} />
              Show image {i + 1} first
            </label>
            <Button variant="ghost" size="sm" onClick={() => onChange(images.filter((_, j) => j !== i))}>
              Remove image {i + 1}
            </Button>
          </div>
        </div>
      ))}
      <Button variant="secondary" size="sm" disabled={images.length >= MAX_IMAGES} onClick={() => onChange([...images, { url: '', alt: '', isPrimary: images.length === 0 }])}>
        Add image
      </Button>
    </fieldset>
  );
}
