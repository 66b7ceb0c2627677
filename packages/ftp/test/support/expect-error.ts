// The FTP adapters share one way of checking a TransferError (and that no password shows).
export * from "@transfer-errors/testkit/expect-ftp-error";
