// @transfer-errors/core/catalog: the replies known from the servers' own sources, for adapters to
// attach to their failures (`Failure.catalog`). Generated from @transfer-errors/server-replies.
export { ftpReplyCatalog, replyCatalog, sftpReplyCatalog } from "./catalog-data.js";
export {
  type CatalogEntry,
  type CatalogMatch,
  fitsTemplate,
  lookUpReply,
  type ProductReplies,
  productOfGreeting,
  type RepliesByCode,
  type ReplyCatalog,
  SEEN_REQUEST,
} from "./reply-catalog.js";
