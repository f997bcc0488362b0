/**
 * The one rule for a UserID used as the admin `identifier`: the config check and the UserSig code both call
 * {@link userIdProblem}, so a value passes or fails the same way everywhere (before any request).
 *
 * The rule is Tencent's: at most 32 bytes of letters, digits, `_` and `-`. Sources: the UserSig libraries Tencent
 * publishes ("up to 32 bytes … letters (a-z and A-Z), digits (0-9), underscores (_), and hyphens (-)",
 * https://github.com/tencentyun/tls-sig-api-v2-golang `tencentyun/TLSSigAPI.go`, the same in the Java/PHP/Python
 * ports), the usage limits ("32 bytes … English letters or numbers … special characters are not allowed",
 * https://www.tencentcloud.com/document/product/1047/34381), and account_import's UserID ("≤ 32 bytes",
 * https://www.tencentcloud.com/document/product/1047/34953), whose samples use `_` (UserID_001).
 */

/** The rule as a pattern; ASCII only, so characters and bytes count the same. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** The rule in words, for messages and docs. */
export const USER_ID_RULE_TEXT = "1-32 characters of A-Z a-z 0-9 _ - (Tencent's UserID rule)";

/** Why `value` is not a valid UserID, or undefined when it is. Never quotes more than 40 characters of it. */
export function userIdProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string of ${USER_ID_RULE_TEXT}`;
  if (USER_ID_PATTERN.test(value)) return undefined;
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value.length === 0) return `is empty; use ${USER_ID_RULE_TEXT}`;
  if (value.length > 32) return `${shown} is ${value.length} characters long; use ${USER_ID_RULE_TEXT}`;
  const bad = [...new Set([...value].filter((c) => !/[A-Za-z0-9_-]/.test(c)))].map((c) => JSON.stringify(c)).join(", ");
  return `${shown} contains ${bad}; use ${USER_ID_RULE_TEXT}`;
}
