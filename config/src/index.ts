export * from './env.js';
export * from './locales.js';
export * from './reference.js';
export * from './records.js';
export * from './mail.js';
export * from './receipt.js';
export * from './cv.js';
export * from './plan.js';
