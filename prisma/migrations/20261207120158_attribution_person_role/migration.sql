-- CreateIndex
CREATE INDEX "Attribution_personId_role_idx" ON "Attribution"("personId", "role");
