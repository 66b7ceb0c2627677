// codeName and the registry's names are literal unions: a switch on them can be exhaustive, and a
// misspelt name is a type error. `pnpm typecheck` checks the types here; the test checks that the
// runtime tables hold exactly the names the types list.
import { type CodeName, createTransferError } from "@transfer-errors/core";
import {
  type FtpReplyCode,
  type FtpReplyName,
  ftpReplyNames,
  type SftpStatusName,
  sftpStatusNames,
} from "@transfer-errors/core/registry";
import { describe, expect, expectTypeOf, it } from "vitest";

/** Compiles only while every SFTP status name has its case: a new name breaks the build here. */
function sftpFamily(name: SftpStatusName): "ok" | "path" | "access" | "other" {
  switch (name) {
    case "SSH_FX_OK":
    case "SSH_FX_EOF":
      return "ok";
    case "SSH_FX_NO_SUCH_FILE":
    case "SSH_FX_NO_SUCH_PATH":
    case "SSH_FX_FILE_ALREADY_EXISTS":
    case "SSH_FX_NOT_A_DIRECTORY":
    case "SSH_FX_FILE_IS_A_DIRECTORY":
    case "SSH_FX_DIR_NOT_EMPTY":
    case "SSH_FX_INVALID_FILENAME":
    case "SSH_FX_LINK_LOOP":
      return "path";
    case "SSH_FX_PERMISSION_DENIED":
    case "SSH_FX_WRITE_PROTECT":
    case "SSH_FX_CANNOT_DELETE":
    case "SSH_FX_LOCK_CONFLICT":
    case "SSH_FX_BYTE_RANGE_LOCK_CONFLICT":
    case "SSH_FX_BYTE_RANGE_LOCK_REFUSED":
    case "SSH_FX_DELETE_PENDING":
    case "SSH_FX_NO_MATCHING_BYTE_RANGE_LOCK":
    case "SSH_FX_OWNER_INVALID":
    case "SSH_FX_GROUP_INVALID":
    case "SSH_FX_UNKNOWN_PRINCIPAL":
      return "access";
    case "SSH_FX_FAILURE":
    case "SSH_FX_BAD_MESSAGE":
    case "SSH_FX_NO_CONNECTION":
    case "SSH_FX_CONNECTION_LOST":
    case "SSH_FX_OP_UNSUPPORTED":
    case "SSH_FX_INVALID_HANDLE":
    case "SSH_FX_NO_MEDIA":
    case "SSH_FX_NO_SPACE_ON_FILESYSTEM":
    case "SSH_FX_QUOTA_EXCEEDED":
    case "SSH_FX_INVALID_PARAMETER":
    case "SSH_FX_FILE_CORRUPT":
      return "other";
    default:
      return name satisfies never;
  }
}

describe("code names as literal unions", () => {
  it("codeName is one of the registry's names, not any string", () => {
    const e = createTransferError({ protocol: "sftp", code: 2, message: "No such file" });
    expectTypeOf(e.codeName).toEqualTypeOf<CodeName | undefined>();
    expectTypeOf<string>().not.toExtend<CodeName>();
    expect(e.codeName).toBe("SSH_FX_NO_SUCH_FILE");
    expect(sftpFamily(e.codeName as SftpStatusName)).toBe("path");
  });

  it("the exhaustive switch covers every SFTP status the table names (0 to 31)", () => {
    expect(sftpStatusNames).toHaveLength(32);
    for (const name of sftpStatusNames)
      expect(["ok", "path", "access", "other"]).toContain(sftpFamily(name));
  });

  it("FtpReplyCode lists the defined codes; a code outside it is a type error", () => {
    expectTypeOf<550>().toExtend<FtpReplyCode>();
    expectTypeOf<299>().not.toExtend<FtpReplyCode>();
    const name: FtpReplyName | undefined = ftpReplyNames[550];
    expect(name).toBe("FILE_UNAVAILABLE");
    // @ts-expect-error: not a registry name
    const wrong: FtpReplyName = "FILE_UNAVAILABEL";
    expect(Object.values(ftpReplyNames)).not.toContain(wrong);
  });
});
