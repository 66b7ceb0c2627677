// Starts one OpenSSH sshd for the whole test run (each test file makes its own fixtures, and
// the files that break connections start their own sshd with this user).
import { provideSftpServer } from "@transfer-errors/testkit/sftp-setup";
import type { TestProject } from "vitest/node";

export default (project: TestProject) => provideSftpServer(project, "te-sftp", "ssh2-sftp-client");
