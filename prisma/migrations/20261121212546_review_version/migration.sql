-- AlterTable
ALTER TABLE "Review" ADD COLUMN "version" INTEGER;
