/** The password of every account the test factories make (its hash is made once, in global-setup). */
export const TEST_PASSWORD = 'Yuxi#Safety2026';
