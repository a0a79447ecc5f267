/**
 * Common passwords that pass the class rules but are guessed first (OWASP ASVS 6.2.4), including
 * the Chinese-style ones seen in breach lists. Compared in lower case.
 */
const list = `
aa123456 aa123456. aa123456! a123456. a123456! a1234567 a12345678 abc123456 abc@123 abc@1234 abc@12345
abcd1234 abcd@1234 abcd1234! admin123 admin@123 admin@1234 admin123! admin1234 admin12345 administrator1
p@ssw0rd p@ssword p@ssw0rd1 p@55w0rd passw0rd passw0rd! password1 password1! password123 password@123
pass@123 pass@1234 pass1234! qwer1234 qwer@1234 qwerty123 qwerty123! qwe123!@# qweasd123 qazwsx123
1qaz@wsx 1qaz2wsx! 1qaz!qaz 1q2w3e4r! 1q2w3e4r5t! zaq1@wsx zaq12wsx! !qaz2wsx !qaz@wsx 123qwe!@#
woaini1314 woaini520! woaini@1314 iloveyou1! welcome1 welcome@123 welcome123! changeme1! root@123
root123! test@123 test1234! huawei@123 huawei123! sangfor@123 yuxi@123 yuxi123456 anjian@123 yjj@123
yjglj@123 yingji@123 zhangwei@123 wangfang@123 liuyang@123 chenjie@123 abc123!@# 123abc!@# aa112233!
asdf1234! asdf@1234 zxcv1234! zxcvbnm1! q1w2e3r4! qq123456. qq123456! a1b2c3d4! a1s2d3f4! 88888888a!
11111111a! 12345678a! 12345678a. a11111111 a88888888 12345678aa 123456789a 1234567890a
`;

export const commonPasswords: ReadonlySet<string> = new Set(list.split(/\s+/).filter((p) => p.length > 0));
