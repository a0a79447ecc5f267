import type { ScryptCost } from '../src/platform/crypto.ts';

/** The password of every account the test factories make (its hash is made once, in global-setup). */
export const TEST_PASSWORD = 'Yuxi#Safety2026';

/**
 * The scrypt cost of every password hash the tests make: the factory accounts' (global-setup) and
 * those set through the API in a test app (test-app.ts gives the app this hasher). N = 2¹⁰, p = 1
 * instead of the production N = 2¹⁵, p = 3: a hash costs about a millisecond instead of ~0.3 s of
 * CPU, and the suites sign in, change and reset passwords hundreds of times. The stored format and
 * verifyPassword are the production ones; crypto.test.ts checks the production cost, and a process
 * started from src/main.ts (the process tests) hashes at it.
 */
export const TEST_PASSWORD_COST: ScryptCost = { N: 1 << 10, r: 8, p: 1 };
