export const INGESTOR_ENV = Symbol('INGESTOR_ENV');
