/** Injection tokens of what every service gets from the runtime module. */
export const ENV = Symbol('ENV');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');
