-- CreateTable
CREATE TABLE "ClaimEdit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimEdit_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromClaimId" TEXT NOT NULL,
    "toClaimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimLink_fromClaimId_fkey" FOREIGN KEY ("fromClaimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimLink_toClaimId_fkey" FOREIGN KEY ("toClaimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PersonMerge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "survivorId" TEXT NOT NULL,
    "mergedId" TEXT NOT NULL,
    "mergedName" TEXT NOT NULL,
    "mergedSlug" TEXT NOT NULL,
    "claimIds" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PersonMerge_survivorId_fkey" FOREIGN KEY ("survivorId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'reader',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ClaimEdit_claimId_createdAt_idx" ON "ClaimEdit"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimLink_toClaimId_idx" ON "ClaimLink"("toClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_fromClaimId_toClaimId_key" ON "ClaimLink"("fromClaimId", "toClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonMerge_mergedId_key" ON "PersonMerge"("mergedId");

-- CreateIndex
CREATE INDEX "PersonMerge_survivorId_idx" ON "PersonMerge"("survivorId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "RateLimit_key_key" ON "RateLimit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- ---- Invariants for the tables above (Prisma does not model triggers; see the
-- invariants migration and `verbatim verify`). ----

-- A claim's edit history is appended, never rewritten.
CREATE TRIGGER "ClaimEdit_kind_insert"
BEFORE INSERT ON "ClaimEdit"
WHEN NEW."kind" NOT IN ('edit', 'person-merge') OR json_valid(NEW."changes") = 0
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_EDIT: kind must be edit or person-merge, with JSON changes');
END;

CREATE TRIGGER "ClaimEdit_append_only_update"
BEFORE UPDATE ON "ClaimEdit"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_EDIT_APPEND_ONLY: claim edit history cannot be rewritten');
END;

CREATE TRIGGER "ClaimEdit_append_only_delete"
BEFORE DELETE ON "ClaimEdit"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_EDIT_APPEND_ONLY: claim edit history cannot be rewritten');
END;

-- Links join two different claims with a known relation.
CREATE TRIGGER "ClaimLink_kind_insert"
BEFORE INSERT ON "ClaimLink"
WHEN NEW."kind" NOT IN ('corroborates', 'contradicts') OR NEW."fromClaimId" = NEW."toClaimId"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_LINK: a link joins two different claims as corroborates or contradicts');
END;

CREATE TRIGGER "ClaimLink_kind_update"
BEFORE UPDATE ON "ClaimLink"
WHEN NEW."kind" NOT IN ('corroborates', 'contradicts') OR NEW."fromClaimId" = NEW."toClaimId"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_CLAIM_LINK: a link joins two different claims as corroborates or contradicts');
END;

-- A merge record keeps who was merged; only its survivor may move on (a later merge of
-- the survivor itself), and it is never deleted.
CREATE TRIGGER "PersonMerge_append_only_update"
BEFORE UPDATE ON "PersonMerge"
WHEN NEW."mergedId" IS NOT OLD."mergedId" OR NEW."mergedName" IS NOT OLD."mergedName"
  OR NEW."mergedSlug" IS NOT OLD."mergedSlug" OR NEW."claimIds" IS NOT OLD."claimIds"
  OR NEW."actorName" IS NOT OLD."actorName" OR NEW."createdAt" IS NOT OLD."createdAt"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_PERSON_MERGE_APPEND_ONLY: merge history cannot be rewritten');
END;

CREATE TRIGGER "PersonMerge_append_only_delete"
BEFORE DELETE ON "PersonMerge"
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_PERSON_MERGE_APPEND_ONLY: merge history cannot be rewritten');
END;

-- Account roles.
CREATE TRIGGER "User_role_insert"
BEFORE INSERT ON "User"
WHEN NEW."role" NOT IN ('admin', 'editor', 'reader')
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_USER_ROLE: role must be admin, editor or reader');
END;

CREATE TRIGGER "User_role_update"
BEFORE UPDATE OF "role" ON "User"
WHEN NEW."role" NOT IN ('admin', 'editor', 'reader')
BEGIN
  SELECT RAISE(ABORT, 'VERBATIM_USER_ROLE: role must be admin, editor or reader');
END;
