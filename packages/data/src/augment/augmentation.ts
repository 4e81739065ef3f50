/**
 * The training-time augmentation of the papers' CIFAR recipes: pad by 4 pixels and take a random crop of
 * the original size, then flip horizontally with probability 1/2 (kuangliu/pytorch-cifar `RandomCrop(32,
 * padding=4)` + `RandomHorizontalFlip()`, used by Padam and SWD; ND-Adam's PyTorch code pads by
 * reflection; docs/data.md#augmentation).
 */

/** Random crop after padding every side by `padding` pixels. */
export interface CropSpec {
  readonly padding: number;
  /** `'zero'`: pad with black pixels (torchvision default); `'reflect'`: mirror without repeating the edge. */
  readonly mode: 'zero' | 'reflect';
}

/** Which augmentations a {@link Batcher} applies; all off when omitted. */
export interface Augmentation {
  readonly crop?: CropSpec;
  /** Horizontal flip with probability 1/2. */
  readonly flip?: boolean;
}

/** Pad 4 with zeros + random crop + horizontal flip (Padam, SWD / kuangliu). */
export const CIFAR_AUGMENTATION: Augmentation = { crop: { padding: 4, mode: 'zero' }, flip: true };

/** Pad 4 by reflection + random crop + horizontal flip (ND-Adam PyTorch code). */
export const CIFAR_AUGMENTATION_REFLECT: Augmentation = { crop: { padding: 4, mode: 'reflect' }, flip: true };
