export * from './accessibility.ts';
export * from './artifacts.ts';
export * from './campaigns.ts';
export * from './indicators.ts';
export * from './pages.ts';
export * from './reviews.ts';
export * from './runs.ts';
export * from './targets.ts';
