/** 党费 (中组发〔2008〕3号): pure dues rules, no I/O; money in integer fen, months as 'YYYY-MM' in Asia/Shanghai. */
export * from './categories';
export * from './money';
export * from './calculator';
export * from './months';
export * from './yearly';
export * from './relief';
export * from './payable-months';
export * from './arrears';
