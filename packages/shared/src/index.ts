export {
  BRAND_MIN_CONTRAST,
  brandColorContrast,
  contrastRatio,
  DEFAULT_BRAND_COLOR,
  usableBrandColor,
} from './contrast.js';
