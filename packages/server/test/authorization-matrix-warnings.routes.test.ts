import { describeMatrix } from './authorization/run-matrix.ts';

// One part of the authorisation matrix (see ./authorization/matrix-parts.ts).
describeMatrix('warnings');
