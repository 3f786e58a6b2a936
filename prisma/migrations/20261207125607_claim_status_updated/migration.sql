-- CreateIndex
CREATE INDEX "Claim_status_updatedAt_id_idx" ON "Claim"("status", "updatedAt", "id");
