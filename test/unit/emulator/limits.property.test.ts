/**
 * Property: the profile byte limits accept a string exactly when its UTF-8 encoding fits, for any Unicode text.
 */
import fc from "fast-check";
import { DEFAULT_BEHAVIOUR } from "../../../emulator/behaviour";
import { ChatFailure } from "../../../emulator/envelope";
import { profileFields } from "../../../emulator/validate";

const limits = DEFAULT_BEHAVIOUR.limits;

test.each([
  ["Name", limits.name],
  ["Introduction", limits.introduction],
  ["Notification", limits.notification],
  ["FaceUrl", limits.faceUrl],
] as const)("%s accepted iff ≤ %i UTF-8 bytes, kept verbatim", (field, limit) => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: limit }), (text) => {
      const fits = Buffer.byteLength(text, "utf8") <= limit;
      try {
        expect(profileFields({ [field]: text }, limits)[field]).toBe(text);
        expect(fits).toBe(true);
      } catch (error) {
        if (!(error instanceof ChatFailure)) throw error;
        expect(fits).toBe(false);
        expect(error.errorCode).toBe(10004);
        expect(error.errorInfo).toContain(field);
      }
    }),
  );
});
